"""The store: tables, migrations, opening a store, its locks and clock, backup and the
change counter."""
