"""The resident ID card reader (二代证阅读器): the reader's frame protocol, a driver for a
reader on a serial or USB-serial port, and a simulated reader that speaks the same protocol
on a pseudo-terminal. Nothing here imports Qt; kiosk/card_watch.py polls it for the window."""
