"""The hall's rules as pure functions on plain values: routing, calling, the alert level,
masking, slip and ID checks. Nothing here touches the store."""
