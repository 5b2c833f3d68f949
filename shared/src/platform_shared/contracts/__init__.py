"""The contracts between the services: vocabularies, the status facts block, the events.

One definition of each, read by every service: care-status-api builds the status facts
block with `StatusFacts`, incident-api reads it from care-status-api with the same model,
notify-api validates the events it takes with `EVENT_DATA` and `EventDetails`. `docs/events.md` is
generated from this package (`python -m platform_shared.contracts.document`).
"""
