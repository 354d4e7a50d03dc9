"""Wait estimates, the hall's usual day, the early warning, the day simulator and its evaluation."""
