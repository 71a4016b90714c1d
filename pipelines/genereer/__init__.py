"""Generate a national synthetic extract calibrated on DUO's published counts (docs/kalibratie.md)."""
