"""Queries of legal statuses: none of their own. A child's legal statuses are read with its whole
record (`care_record.repository`) and written as episodes (`episodes.repository`)."""
