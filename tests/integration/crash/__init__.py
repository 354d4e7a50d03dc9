"""The crash harness: kiosk and counter workers killed at random moments on one store."""
