"""The customer-facing window beside the counter: the service form, the signature, the rating."""
