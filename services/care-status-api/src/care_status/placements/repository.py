"""Queries of placements: none of their own. A child's placements are read with its whole
record (`care_record.repository`) and written as episodes (`episodes.repository`)."""
