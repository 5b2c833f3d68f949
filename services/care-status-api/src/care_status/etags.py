"""ETags are record versions; a change must name the version it changes (If-Match)."""

from __future__ import annotations

from platform_shared.problems import PreconditionFailed, PreconditionRequired


def etag(version: int) -> str:
    """The strong ETag of a record version: `"3"`."""
    return f'"{version}"'


def require_version(if_match: str | None, current: int) -> None:
    """Refuse a change that does not name the current version (428 when none is named)."""
    if if_match is None:
        raise PreconditionRequired("Send If-Match with the ETag of the record you change")
    accepted = {tag.strip().removeprefix("W/").strip('"') for tag in if_match.split(",")}
    if "*" not in accepted and str(current) not in accepted:
        raise PreconditionFailed(
            "The record has changed since that version; read it again",
            headers={"ETag": etag(current)},
        )
