"""Incidents and police contact: the record, its decision record and its events."""
