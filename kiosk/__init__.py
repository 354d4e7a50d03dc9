"""The kiosk at the hall door: tiered tickets and pre-processing slips (Qt)."""
