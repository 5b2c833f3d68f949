"""The CPS 10-point checklist of an incident (Derbyshire protocol, Appendices A and B)."""
