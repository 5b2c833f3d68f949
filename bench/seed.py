"""Generated children for the benchmarks, written straight into care-status's tables by COPY.

The rows are what the API would have written (after `care-status-api migrate`): name keys
from `care_status.lookups.matching.name_key`, person_refs from
`care_status.identifiers.new_person_ref`, valid NHS numbers, half-open legal statuses and
placements. Children under 18 are looked after (an open legal status, one to three
placements, the current one out of the responsible authority's area for a third of them);
18 to 24-year-olds are care leavers (care ended on the 18th birthday, a leaving-care row,
mostly a personal adviser and a consent answer), a third of them accommodated out of area.
Names are drawn from lists with accents, hyphens, apostrophes and spaces.
"""

from __future__ import annotations

import random
import unicodedata
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import asyncpg

from care_status.identifiers import new_person_ref, nhs_check_digit
from care_status.lookups.matching import name_key
from platform_shared.calendar import local_date
from platform_shared.organisations import load_directory


def _words(text: str) -> list[str]:
    """The words of `text` (an underscore inside a name stands for a space)."""
    return [word.replace("_", " ") for word in text.split(" ") if word]


def _columns(text: str) -> list[str]:
    return text.split(" ")


GIVEN_NAMES = _words(
    "Olivia Amelia Isla Ava Mia Ivy Lily Isabella Rosie Sophia Grace Freya Evie Poppy Ella "
    "Willow Emily Florence Daisy Ruby Noah Oliver George Arthur Muhammad Leo Harry Oscar "
    "Archie Henry Theodore Freddie Jack Charlie Jacob Thomas Alfie Finley Teddy Luca Ethan "
    "Joshua Mason Tyler Kai Reggie Jayden Kian Riley Connor Callum Kyle Ryan Liam Dylan "
    "Zoë Chloé Renée Siân Seán Eóin Niamh Aoife Ciarán Oisín Dáithí Saoirse Róisín Éabha "
    "José Inés Zoé Noémie Amélie Anaïs Maëlle Mía Lucía Sofía Björn Søren Jürgen Łucja Zoja "
    "Mary-Jane Lily-Rose Ella-Mae Jo-Anne Jean-Luc Billie-Jo Tia-Mae Lacey-Leigh Kai-Jordan "
    "D'Arcy N'Golo De'Andre Ta'Shay "
    "Aaliyah Amara Zainab Fatima Maryam Aisha Hafsa Yusuf Ibrahim Ayaan Rayan Hamza Zayn "
    "Chinonso Chiamaka Oluwaseun Adaeze Kwame Kofi Ama Abena Tendai Nia Malik Jamal Deshawn "
    "Priya Anjali Arjun Rohan Aarav Simran Harpreet Gurpreet Jaspreet Wei Mei Jun Hao Minh "
    "Anh Thảo Nguyệt Kacper Jakub Zuzanna Wiktoria Oskar Mateusz Andrei Ionuț Ștefan Elif "
    "Yiğit Emir Ayşe"
)

FAMILY_NAMES = _words(
    "Smith Jones Taylor Brown Williams Wilson Johnson Davies Robinson Wright Thompson Evans "
    "Walker White Roberts Green Hall Wood Jackson Clarke Patel Khan Lewis James Phillips "
    "Mason Mitchell Rose Davis Rodriguez Cox Alexander Morgan Moore Mills King Harris "
    "Baker Turner Hill Cooper Ward Morris Moore Clark Lee Harrison Young Allen Scott "
    "Watson Edwards Collins Stewart Bailey Hughes Bell Murphy Kelly Price Shaw Ali Hussain "
    "Begum Ahmed Rahman Islam Miah Akhtar Iqbal Mahmood Butt Shah Singh Kaur Gill Sandhu "
    "Sharma Kumar Mistry Chauhan Okafor Adeyemi Okoye Mensah Owusu Boateng Asante Mwangi "
    "Nguyen Tran Chen Wang Li Zhang Liu Wong Ng Kowalski Nowak Wiśniewski Wójcik Kowalczyk "
    "Kamiński Lewandowski Zieliński Szymański Łukasiewicz Żak Popescu Ionescu Dumitrescu "
    "Y\u0131lmaz Şahin Öztürk Çelik Doğan Müller Schröder Weiß Brontë García Muñoz Peña Núñez "
    "Gonçalves Conceição Sørensen Ødegaard Østergaard Åberg Hæstad "
    "O'Brien O'Connor O'Neill O'Sullivan O'Reilly O'Donnell O'Leary O'Hara D'Souza "
    "D'Angelo D'Costa N'Diaye Ní_Bhriain Mac_Giolla Ó_Súilleabháin "
    "McCarthy McDonald MacDonald McKenzie MacLeod McLaughlin McGrath Fitzgerald "
    "Smith-Jones Taylor-Smith Brown-Williams Lloyd-Webber Ashby-Clarke Okafor-Mensah "
    "Khan-Ahmed Hughes-Davies Clarke-Lewis Bennett-Ward Price-Jones Wilson-Hall "
    "van_der_Berg de_Souza da_Silva dos_Santos le_Roux "
    "Featherstonehaugh Cholmondeley Thorpe Whitfield Ashworth Holloway Pemberton "
    "Kerr Reid Fraser Campbell Anderson Ross Paterson Henderson Gray Black Grant Ferguson"
)


GIVEN = tuple(GIVEN_NAMES)
FAMILY = tuple(FAMILY_NAMES)
GIVEN_KEYS = {name: name_key(name) for name in GIVEN}
FAMILY_KEYS = {name: name_key(name) for name in FAMILY}

LEGAL_BASES = (
    ("care_order_s31", 0.55),
    ("section_20", 0.25),
    ("interim_care_order_s38", 0.12),
    ("placement_order_aca_s21", 0.08),
)
PLACEMENT_TYPES = (
    ("foster", 0.70),
    ("kinship", 0.10),
    ("childrens_home", 0.12),
    ("residential_school", 0.03),
    ("other", 0.05),
)
SEXES = ("female", "male", "male", "female", "other", "not_stated")
ETHNICITIES = (
    "white_british",
    "white_irish",
    "any_other_white_background",
    "white_and_black_caribbean",
    "indian",
    "pakistani",
    "bangladeshi",
    "caribbean",
    "african",
    "chinese",
    "any_other_mixed_background",
)

CHILD_COLUMNS = _columns(
    "id created_at updated_at version person_ref responsible_authority given_name family_name "
    "given_name_key family_name_key date_of_birth nhs_number pnc_id local_reference sex "
    "ethnicity uasc youth_justice_order"
)
LEGAL_STATUS_COLUMNS = _columns(
    "id created_at updated_at version child_id basis short_break start_date end_date"
)
PLACEMENT_COLUMNS = _columns(
    "id created_at updated_at version child_id placement_type area_authority start_date "
    "end_date emergency provider"
)
LEAVING_CARE_COLUMNS = _columns(
    "id created_at updated_at version child_id left_care_on category_override"
)
ADVISER_COLUMNS = _columns(
    "id created_at updated_at version child_id name contact_route appointed_on"
)
CONSENT_COLUMNS = _columns(
    "id created_at updated_at version child_id purpose given recorded_on recorded_by"
)


def _pick(rng: random.Random, weighted: Sequence[tuple[str, float]]) -> str:
    roll, total = rng.random(), 0.0
    for value, weight in weighted:
        total += weight
        if roll < total:
            return value
    return weighted[-1][0]


def birthday(born: date, years: int) -> date:
    """The `years`-th birthday; 29 February falls on 1 March in other years."""
    try:
        return born.replace(year=born.year + years)
    except ValueError:
        return date(born.year + years, 3, 1)


def nhs_number(serial: int) -> str | None:
    """A valid NHS number from a serial (None when the serial has no check digit)."""
    first_nine = f"{400_000_000 + serial:09d}"
    check = nhs_check_digit(first_nine)
    return None if check is None else f"{first_nine}{check}"


@dataclass
class Batch:
    children: list[tuple[Any, ...]] = field(default_factory=list)
    legal_statuses: list[tuple[Any, ...]] = field(default_factory=list)
    placements: list[tuple[Any, ...]] = field(default_factory=list)
    leaving_care: list[tuple[Any, ...]] = field(default_factory=list)
    advisers: list[tuple[Any, ...]] = field(default_factory=list)
    consents: list[tuple[Any, ...]] = field(default_factory=list)

    def tables(self) -> list[tuple[str, list[str], list[tuple[Any, ...]]]]:
        return [
            ("children", CHILD_COLUMNS, self.children),
            ("legal_statuses", LEGAL_STATUS_COLUMNS, self.legal_statuses),
            ("placements", PLACEMENT_COLUMNS, self.placements),
            ("leaving_care", LEAVING_CARE_COLUMNS, self.leaving_care),
            ("personal_advisers", ADVISER_COLUMNS, self.advisers),
            ("consents", CONSENT_COLUMNS, self.consents),
        ]


class ChildFactory:
    """Makes the rows of one generated child at a time (deterministic for a seed)."""

    def __init__(self, rng: random.Random, today: date, now: datetime) -> None:
        self.rng = rng
        self.today = today
        self.now = now
        self.authorities = [org.code for org in load_directory().local_authorities()]
        self.oldest = birthday(today, -25) + timedelta(days=1)

    def _meta(self) -> tuple[uuid.UUID, datetime, datetime, int]:
        return uuid.uuid4(), self.now, self.now, 1

    def _other_authority(self, authority: str) -> str:
        while True:
            other = self.rng.choice(self.authorities)
            if other != authority:
                return other

    def _day_between(self, first: date, last: date) -> date:
        span = (last - first).days
        return first + timedelta(days=self.rng.randint(0, max(span, 0)))

    def add(self, batch: Batch, serial: int) -> None:
        rng = self.rng
        born = self._day_between(self.oldest, self.today - timedelta(days=60))
        authority = rng.choice(self.authorities)
        given, family = rng.choice(GIVEN), rng.choice(FAMILY)
        child_id, created, updated, version = self._meta()
        batch.children.append(
            (
                child_id,
                created,
                updated,
                version,
                new_person_ref(),
                authority,
                given,
                family,
                GIVEN_KEYS[given],
                FAMILY_KEYS[family],
                born,
                nhs_number(serial) if rng.random() < 0.6 else None,
                None,
                f"LA-{serial:08d}" if rng.random() < 0.5 else None,
                rng.choice(SEXES),
                rng.choice(ETHNICITIES),
                rng.random() < 0.05,
                False,
            )
        )
        eighteenth = birthday(born, 18)
        out_of_area = rng.random() < 1 / 3
        if eighteenth > self.today:
            self._looked_after(batch, child_id, born, authority, out_of_area)
        else:
            self._care_leaver(batch, child_id, born, eighteenth, authority, out_of_area)

    def _legal_statuses(
        self, batch: Batch, child_id: uuid.UUID, start: date, end: date | None
    ) -> None:
        """One legal status from `start` (open or ending `end`), sometimes preceded by an
        interim care order that became a care order."""
        rng = self.rng
        basis = _pick(rng, LEGAL_BASES)
        if basis == "care_order_s31" and rng.random() < 0.4 and (end or self.today) > start:
            switch = self._day_between(start, (end or self.today) - timedelta(days=1))
            if switch > start:
                batch.legal_statuses.append(
                    (*self._meta(), child_id, "interim_care_order_s38", False, start, switch)
                )
                start = switch
        batch.legal_statuses.append((*self._meta(), child_id, basis, False, start, end))

    def _placements(
        self,
        batch: Batch,
        child_id: uuid.UUID,
        start: date,
        end: date | None,
        authority: str,
        last_area: str,
    ) -> None:
        """One to three consecutive placements from `start`; the last in `last_area`."""
        rng = self.rng
        last_day = end or self.today
        count = rng.choice((1, 1, 2, 2, 3))
        cuts = sorted({self._day_between(start, last_day) for _ in range(count - 1)} - {start})
        starts = [start, *cuts]
        for index, begins in enumerate(starts):
            final = index == len(starts) - 1
            ends = end if final else starts[index + 1]
            area = (
                last_area
                if final
                else (authority if rng.random() < 0.7 else self._other_authority(authority))
            )
            kind = _pick(rng, PLACEMENT_TYPES)
            provider = "provider-demo-home" if kind == "childrens_home" else None
            batch.placements.append(
                (*self._meta(), child_id, kind, area, begins, ends, rng.random() < 0.1, provider)
            )

    def _looked_after(
        self, batch: Batch, child_id: uuid.UUID, born: date, authority: str, out_of_area: bool
    ) -> None:
        start = self._day_between(born, self.today - timedelta(days=30))
        self._legal_statuses(batch, child_id, start, None)
        area = self._other_authority(authority) if out_of_area else authority
        self._placements(batch, child_id, start, None, authority, area)

    def _care_leaver(
        self,
        batch: Batch,
        child_id: uuid.UUID,
        born: date,
        eighteenth: date,
        authority: str,
        out_of_area: bool,
    ) -> None:
        rng = self.rng
        start = self._day_between(birthday(born, 10), birthday(born, 16))
        self._legal_statuses(batch, child_id, start, eighteenth)
        self._placements(batch, child_id, start, eighteenth, authority, authority)
        if out_of_area:
            area = self._other_authority(authority)
            batch.placements.append(
                (
                    *self._meta(),
                    child_id,
                    "supported_accommodation",
                    area,
                    self._day_between(eighteenth, self.today),
                    None,
                    False,
                    None,
                )
            )
        batch.leaving_care.append((*self._meta(), child_id, eighteenth, None))
        if rng.random() < 0.8:
            adviser = f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"
            route = f"route:{authority}:leaving-care"
            batch.advisers.append((*self._meta(), child_id, adviser, route, eighteenth))
        if rng.random() < 0.6:
            batch.consents.append(
                (
                    *self._meta(),
                    child_id,
                    "notify_personal_adviser",
                    rng.random() < 0.7,
                    eighteenth,
                    "Leaving care team",
                )
            )


async def copy_batch(connection: asyncpg.Connection, batch: Batch) -> None:
    async with connection.transaction():
        for table, columns, rows in batch.tables():
            if rows:
                await connection.copy_records_to_table(table, records=rows, columns=columns)


async def seed_children(
    dsn: str, count: int, *, first_serial: int = 0, seed: int = 1, chunk: int = 20_000
) -> dict[str, int]:
    """Add `count` generated children (serials from `first_serial`); row counts per table."""
    now = datetime.now(UTC)
    factory = ChildFactory(random.Random(seed * 1_000_003 + first_serial), local_date(now), now)
    totals: dict[str, int] = {}
    connection = await asyncpg.connect(dsn)
    try:
        for start in range(first_serial, first_serial + count, chunk):
            batch = Batch()
            for serial in range(start, min(start + chunk, first_serial + count)):
                factory.add(batch, serial)
            await copy_batch(connection, batch)
            for table, _columns, rows in batch.tables():
                totals[table] = totals.get(table, 0) + len(rows)
        await connection.execute("ANALYZE")
    finally:
        await connection.close()
    return totals


async def seed_ingest_children(dsn: str, count: int, authority: str) -> list[str]:
    """`count` looked-after children of `authority` with an open care order and no placement
    yet (the case system is about to record where they live); their ids."""
    now = datetime.now(UTC)
    today = local_date(now)
    rng = random.Random(7)
    factory = ChildFactory(rng, today, now)
    batch = Batch()
    ids: list[str] = []
    for serial in range(count):
        born = factory._day_between(birthday(today, -16), today - timedelta(days=400))
        given, family = rng.choice(GIVEN), rng.choice(FAMILY)
        child_id = uuid.uuid4()
        ids.append(str(child_id))
        batch.children.append(
            (
                child_id,
                now,
                now,
                1,
                new_person_ref(),
                authority,
                given,
                family,
                GIVEN_KEYS[given],
                FAMILY_KEYS[family],
                born,
                nhs_number(serial),
                None,
                None,
                rng.choice(SEXES),
                rng.choice(ETHNICITIES),
                False,
                False,
            )
        )
        start = today - timedelta(days=rng.randint(1, 300))
        batch.legal_statuses.append(
            (uuid.uuid4(), now, now, 1, child_id, "care_order_s31", False, start, None)
        )
    connection = await asyncpg.connect(dsn)
    try:
        await copy_batch(connection, batch)
        await connection.execute("ANALYZE")
    finally:
        await connection.close()
    return ids


def ascii_fold(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def typed_variant(rng: random.Random, name: str) -> str:
    """The name as another system or a custody officer might type it (same key)."""
    roll = rng.random()
    if roll < 0.6:
        return name
    if roll < 0.75:
        return name.upper()
    if roll < 0.9:
        return ascii_fold(name)
    return name.replace("-", " ").replace("'", "").lower()


async def lookup_bodies(dsn: str, count: int, *, seed: int = 3) -> list[dict[str, Any]]:
    """`count` lookup request bodies for children in the database (random sample)."""
    rng = random.Random(seed)
    connection = await asyncpg.connect(dsn)
    try:
        total = await connection.fetchval("SELECT count(*) FROM children")
        percent = min(100.0, 100.0 * count * 3 / max(total, 1))
        rows = await connection.fetch(
            f"SELECT given_name, family_name, date_of_birth FROM children "
            f"TABLESAMPLE BERNOULLI ({percent}) LIMIT {count * 2}"
        )
    finally:
        await connection.close()
    rows = list(rows)
    rng.shuffle(rows)
    purposes = (
        "custody",
        "custody",
        "custody",
        "charging_decision",
        "court",
        "voluntary_interview",
    )
    return [
        {
            "given_name": typed_variant(rng, row["given_name"]),
            "family_name": typed_variant(rng, row["family_name"]),
            "date_of_birth": row["date_of_birth"].isoformat(),
            "purpose": rng.choice(purposes),
            "requester_reference": f"CUS-{rng.randint(10_000_000, 99_999_999)}",
        }
        for row in rows[:count]
    ]
