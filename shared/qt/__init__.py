"""The Qt layer the kiosk and the staff programs share; the rest of the core imports no Qt."""
