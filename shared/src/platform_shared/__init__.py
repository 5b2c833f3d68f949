"""What every service of the platform needs in the same form, and no domain knowledge."""
