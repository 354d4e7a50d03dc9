"""The hall's core: store, rules and services shared by every program. Only `shared.qt`
imports Qt."""
