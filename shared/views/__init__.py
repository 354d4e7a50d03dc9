"""Qt-free snapshots of what the windows show: the floor, a counter, the kiosk's menu and
the hall's status right now."""
