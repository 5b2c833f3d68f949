"""The access log of a child's record, for its responsible authority (issue 15 finding 8)."""
