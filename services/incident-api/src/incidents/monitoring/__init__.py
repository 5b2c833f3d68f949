"""Monitoring figures of the protocols for an authority and a period."""
