"""The clerk's workstation: sign-in, the counter's session, calling, slips, transactions."""
