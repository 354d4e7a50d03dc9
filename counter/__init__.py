"""The staff side: the counter workstation, the customer-facing screen, the hall screen (Qt)."""
