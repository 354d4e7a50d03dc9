"""The administrator's window: staff, counters, devices, settings, the special lists and the
businesses, on the hall server or on the store of this PC."""
