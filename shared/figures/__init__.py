"""Clerk and hall figures computed from the event log, and the performance sheet."""
