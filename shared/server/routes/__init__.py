"""The API's routes, one module per kind of user: people, the kiosk, the counter, the lead,
the administrator."""
