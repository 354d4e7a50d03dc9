"""The hall's core: store, rules and services shared by every program. Imports no Qt."""
