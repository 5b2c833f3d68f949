"""How a lookup finds a person: name keys and the decision between candidates. Pure.

Names are compared through a key that is tolerant of what changes between systems and
keyboards (case, accents, hyphens, apostrophes, spaces), never through fuzzy matching:
`O'Brien`, `OBRIEN` and `o brien` have the same key, `Obrian` does not. The date of
birth is always compared exactly. The keys are stored on each record and indexed with
the date of birth, so a lookup by name is one index probe however many records there are.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, TypeVar

#: Letters that Unicode does not decompose into a base letter and a mark.
_FOLDED_LETTERS = str.maketrans(
    {
        "ø": "o",
        "đ": "d",
        "ð": "d",
        "ł": "l",
        "ħ": "h",
        "\u0131": "i",  # dotless i
        "æ": "ae",
        "œ": "oe",
        "þ": "th",
        "ŀ": "l",
    }
)

Candidate = TypeVar("Candidate")


class MatchOutcome(StrEnum):
    MATCHED = "matched"
    NONE = "none"
    AMBIGUOUS = "ambiguous"


@dataclass(frozen=True)
class Match(Generic[Candidate]):
    """The decision of a lookup: one candidate, none, or several (none disclosed)."""

    outcome: MatchOutcome
    candidate: Candidate | None = None


def name_key(name: str) -> str:
    """The comparison key of a name: letters and digits only, casefolded, accents removed.

    Hyphens, apostrophes (straight or curly), full stops and any spacing are dropped, so
    "Smith-Jones" = "smith jones" = "SMITHJONES" and "Zoë" = "Zoe".
    """
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    letters = (char for char in decomposed if not unicodedata.combining(char) and char.isalnum())
    folded = "".join(letters).translate(_FOLDED_LETTERS)
    return unicodedata.normalize("NFC", folded)


def decide(candidates: Sequence[Candidate]) -> Match[Candidate]:
    """One distinct candidate is a match; several are ambiguous and none is disclosed."""
    if not candidates:
        return Match(MatchOutcome.NONE)
    if len(candidates) > 1:
        return Match(MatchOutcome.AMBIGUOUS)
    return Match(MatchOutcome.MATCHED, candidates[0])
