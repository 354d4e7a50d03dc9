"""The hall's actions, one transaction each, and the records they keep."""
