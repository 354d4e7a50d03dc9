"""The hall screen: the public calling board and the shift lead's monitor."""
