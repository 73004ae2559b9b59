"""Tellen & Vertellen: a monitor for Dutch prestatieafspraken."""
