"""Editions and their events — what makes the calendar: contract (pydantic, one class per YAML
block) and domain objects. The rule of the split: a kind that has dates and places (an edition,
its events and their occurrences) is here; every other kind is in content.py."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import cached_property
from typing import TYPE_CHECKING, Annotated, Literal
from zoneinfo import ZoneInfo

from pydantic import BeforeValidator, Field, model_validator

from .communes import departement_of_town, mismatch, missing_region, town_outside
from .content import Call, Material, MaterialItem, Slug
from .fields import (
    Audience,
    CarriedOver,
    ClockTime,
    Contract,
    LocalDate,
    Markdown,
    PostalCode,
    Publishable,
    Region,
    Registration,
    Text,
    Theme,
    WebUrl,
    When,
    as_codes,
    as_list,
    check_range,
    fail,
)
from .text import fold, plain
from .urls import link
from .vocab import ACCESSIBILITY, DEPARTEMENTS, EVENT_TYPES, REGION_OF_DEPARTEMENT, STATUSES, departement_of, official_rank, region_named

if TYPE_CHECKING:  # the values allowed are checked by pydantic, from vocab.py's lists
    EventType = str
    Status = str
    Accessibility = str
else:
    EventType = Literal.__getitem__(tuple(EVENT_TYPES))
    Status = Literal.__getitem__(tuple(STATUSES))
    Accessibility = Literal.__getitem__(tuple(ACCESSIBILITY))


class Resource(Contract):
    title: Text = Field(description="Titre du lien, tel qu'affiché")
    url: WebUrl = Field(description="Adresse web (http:// ou https://)")
    publisher: Text = Field(description="Qui publie la ressource : DGOS, ministère, ARS…")

    @property
    def official(self) -> bool:
        """Published by the ministry, the HAS, an ARS, Santé publique France or the WHO (vocab.OFFICIAL_DOMAINS)."""
        return official_rank(self.url) is not None


class EditionMeta(Contract):
    """campaigns/<year>/edition.yml"""

    year: int = Field(ge=2011, le=2100, description="Année de l'édition")
    number: int | None = Field(None, ge=1, description="Numéro de l'édition (7 pour la 7e)")
    theme: Theme = Field(
        description="Thème national de l'édition, sans guillemets (le site les ajoute)")
    start: LocalDate = Field(description="Premier jour de la semaine nationale (AAAA-MM-JJ)")
    end: LocalDate = Field(description="Dernier jour de la semaine nationale (AAAA-MM-JJ)")
    summary: Markdown | None = Field(None, description="Présentation de l'édition (Markdown)")
    resources: list[Resource] = Field(default_factory=list, description="Liens officiels (DGOS, ministère…)")
    materials: list[Material] = Field(default_factory=list, description="Supports de communication")

    @model_validator(mode="after")
    def _dates_in_order(self) -> EditionMeta:
        if self.end < self.start:
            raise fail(f"la fin ({self.end}) est avant le début ({self.start})", "end")
        if self.start.year != self.year:
            raise fail(f"l'édition {self.year} ne peut pas commencer en {self.start.year} : corrigez l'année de « year » ou celle de « start »", "start")
        return self


class Venue(Contract):
    name: Text | None = Field(None, description="Nom du lieu (établissement, salle…)")
    address: Text | None = Field(None, description="Numéro et rue")
    postal_code: PostalCode | None = Field(None, description="Code postal à 5 chiffres")
    city: Text = Field(description="Commune")


class Session(Contract):
    """One item of a colloquium's programme."""

    start: ClockTime = Field(description="Heure de début, HH:MM")
    end: ClockTime | None = Field(None, description="Heure de fin, HH:MM")
    title: Text = Field(description="Intitulé")
    speakers: Annotated[list[Text], BeforeValidator(as_list)] = Field(default_factory=list, description="Intervenants")


class AgeRange(Contract):
    """The ages an action is meant for (OpenAgenda's `age`, schema.org's typicalAgeRange)."""

    min: int | None = Field(None, ge=0, le=120, description="Âge minimum, en années")
    max: int | None = Field(None, ge=0, le=120, description="Âge maximum, en années")

    @model_validator(mode="after")
    def _range(self) -> AgeRange:
        if self.min is None and self.max is None:
            raise fail("indiquez « min », « max » ou les deux (par exemple min: 60)", "min")
        if self.min is not None and self.max is not None and self.max < self.min:
            raise fail(f"l'âge maximum ({self.max}) est inférieur à l'âge minimum ({self.min})", "max")
        return self


class Slot(Contract):
    start: When = Field(description="Début du créneau (AAAA-MM-JJTHH:MM)")
    end: When | None = Field(None, description="Fin du créneau (AAAA-MM-JJTHH:MM ou HH:MM)")

    @model_validator(mode="after")
    def _range(self) -> Slot:
        # Normalise once, while validating: a bare end time becomes a date-time (the model is frozen).
        object.__setattr__(self, "end", check_range(self.start, self.end))
        return self


class EventMeta(Publishable):
    """Front matter of campaigns/<year>/events/<slug>.md"""

    title: Text = Field(description="Titre de l'action")
    type: EventType = Field(description="Type d'action")
    start: When | None = Field(None, description="Début : AAAA-MM-JJ (journée) ou AAAA-MM-JJTHH:MM")
    end: When | None = Field(None, description="Fin : dernier jour inclus, date et heure, ou HH:MM le même jour")
    slots: list[Slot] | None = Field(None, min_length=1, description="Plusieurs créneaux, au lieu de start/end")
    time_note: Text | None = Field(None, description="Précision d'horaire en clair, par exemple « l'après-midi »")
    organizer: Text = Field(description="Établissement ou structure qui organise")
    organizer_contact: Slug | None = Field(None, description="Fiche contact de l'organisateur (campaigns/contacts/<nom>.yml)")
    venue: Venue | None = Field(None, description="Lieu ; facultatif pour une action en ligne")
    region: Region | None = Field(None, description="Région (l'une des 18)")
    audience: Annotated[list[Audience], BeforeValidator(as_codes)] = Field(default_factory=list, description="Publics visés")
    registration: Registration | None = Field(None, description="Inscription : lien, courriel (mailto:) ou texte")
    online_url: WebUrl | None = Field(None, description="Lien pour suivre l'action en ligne")
    status: Status = Field("scheduled", description="scheduled (programmé), rescheduled (reprogrammé), moved-online "
                                                     "(déplacé en ligne), postponed (reporté), full (complet), cancelled (annulé)")
    accessibility: Annotated[list[Accessibility], BeforeValidator(as_codes)] = Field(
        default_factory=list, description="Aménagements prévus : moteur (fauteuil roulant), auditif, visuel, psychique, intellectuel")
    age: AgeRange | None = Field(None, description="Âges visés : min, max (en années)")
    programme: list[Session] = Field(default_factory=list, description="Programme (colloque…) : start, end, title, speakers")
    import_id: Text | None = Field(None, description="Identifiant de l'action dans le tableur dont elle a été importée")
    outside_year: bool = Field(False, description="true : l'action a lieu, volontairement, une autre année que son édition")
    carried_over_from: CarriedOver | None = Field(None, description="L'action d'une édition précédente que celle-ci reconduit : "
                                                                    "<année>/<nom de son fichier sans .md> (écrit par « ssp reconduire »)")

    @model_validator(mode="after")
    def _coherent(self) -> EventMeta:
        if self.slots is not None and (self.start is not None or self.end is not None):
            raise fail("« slots » remplace « start » et « end » : gardez l'un ou l'autre", "slots")
        if self.slots is None:
            if self.start is None:
                raise fail("champ obligatoire manquant : indiquez « start » (ou une liste « slots »)", "start")
            object.__setattr__(self, "end", check_range(self.start, self.end))
        if self.venue is None and self.online_url is None:
            raise fail("indiquez le lieu (venue) ou, pour une action en ligne, « online_url »", "venue")
        if self.status == "moved-online" and self.online_url is None:
            raise fail("une action « déplacée en ligne » donne son lien : ajoutez « online_url »", "online_url")
        if self.venue is not None and self.region is None:
            raise fail(missing_region(self.venue.city, self.venue.postal_code), "region")
        if self.venue and self.region and (wrong := place_mismatch(self.venue.postal_code, self.region, self.venue.city)):
            raise fail(wrong[1], wrong[0])
        return self

    @staticmethod
    def independent_problems(data: dict) -> list[tuple[tuple, str]]:
        """What a file's place gets wrong (postal code, région, town), found from its raw fields: said
        with the file's other problems, not once they are fixed (validate.py)."""
        venue = data["venue"] if isinstance(data.get("venue"), dict) else {}
        code, city, region = (str(value).strip() for value in (venue.get("postal_code") or "", venue.get("city") or "",
                                                               data.get("region") or ""))
        named = region_named(region) if region else None
        if not (city and named) or code and not re.fullmatch(r"\d{5}|2[AB]\d{3}", code):
            return []
        wrong = place_mismatch(code or None, named, city)
        return [(tuple(wrong[0].split(".")), wrong[1])] if wrong else []

    def moments(self) -> list[tuple[tuple, date]]:
        """Every start and end written, as dates or date-times, with where it is written: ("end",), ("slots", 1, "start")."""
        ranges = [((), self.start, self.end)] if self.slots is None else [
            (("slots", index), slot.start, slot.end) for index, slot in enumerate(self.slots)]
        return [((*at, name), moment) for at, start, end in ranges for name, moment in (("start", start), ("end", end))
                if isinstance(moment, date)]

    def day_outside(self, year: int) -> tuple[tuple, date] | None:
        """The first start or end outside the edition's year and where it is written, unless the file says it is deliberate."""
        return None if self.outside_year else next(((at, day) for at, day in self.moments() if day.year != year), None)

    def first_start(self) -> date:
        start = self.start if self.slots is None else self.slots[0].start
        assert isinstance(start, date)  # a start is a date or a date-time (check_range)
        return start

    def identity(self) -> tuple[str, str, str]:
        """Same title, town and start (case, accents and punctuation aside): the same action."""
        start = self.first_start()
        when = start.strftime("%Y-%m-%dT%H:%M") if isinstance(start, datetime) else start.isoformat()
        return (fold(self.title), fold(self.venue.city) if self.venue else "", when)


def place_mismatch(postal_code: str | None, region: str, city: str) -> tuple[str, str] | None:
    """(field at fault, what is wrong) when a postal code, a region and a town disagree (no postal code: communes.town_outside)."""
    if not postal_code:
        return ("region", outside) if (outside := town_outside(city, region)) else None
    expected = REGION_OF_DEPARTEMENT.get(departement_of(postal_code) or "")
    if expected is None:
        return "venue.postal_code", f"le code postal « {postal_code} » ne correspond à aucun département"
    if expected != region:
        return "region", f"le code postal {postal_code} est en {expected}, pas en {region}"
    wrong = mismatch(city, postal_code)
    return (f"venue.{wrong[0]}", wrong[1]) if wrong else None


@dataclass(frozen=True)
class Occurrence:
    """One time an event takes place: all-day dates, or aware date-times."""

    start: date | datetime
    end: date | datetime | None
    index: int  # 1-based slot number, 0 for an event without slots

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, datetime)

    @property
    def first_day(self) -> date:
        return self.start.date() if isinstance(self.start, datetime) else self.start

    @property
    def last_day(self) -> date:
        end = self.end or self.start
        return end.date() if isinstance(end, datetime) else end

    def days(self) -> list[date]:
        count = (self.last_day - self.first_day).days + 1
        return [self.first_day + timedelta(days=offset) for offset in range(count)]


@dataclass(frozen=True)
class Event:
    slug: str
    year: int
    source: str  # path relative to the project
    meta: EventMeta
    timezone: str
    description_html: str
    occurrences: tuple[Occurrence, ...]
    digest: str = field(compare=False, repr=False)  # of what it is made from (load.event_digest): cache keys
    body: str = field(default="", repr=False)  # the presentation as written, in Markdown (for OpenAgenda)

    @property
    def url(self) -> str:
        return link("event", year=self.year, slug=self.slug)

    @cached_property
    def description_text(self) -> str:
        """The description in plain text, for calendars and structured data."""
        return plain(self.description_html)

    @property
    def id(self) -> str:
        return f"ssp-{self.year}-{self.slug}"

    @property
    def dates_hold(self) -> bool:
        """False for an action cancelled or postponed: its dates are not to be put in a calendar nor shared as such."""
        return self.meta.status not in ("cancelled", "postponed")

    @property
    def attendance(self) -> str:
        """sur-place, en-ligne or mixte (vocab.ATTENDANCE): from its place and link; an action
        moved online is online only."""
        meta = self.meta
        if meta.online_url and (meta.venue is None or meta.status == "moved-online"):
            return "en-ligne"
        return "mixte" if meta.online_url else "sur-place"

    @property
    def place(self) -> str:
        """Where one takes part, in one line, as a card and the listing's data say it: « venue, town
        (département) », the same « et en ligne », or « En ligne » (an action moved online too)."""
        return self.where(self.departement_named)

    @property
    def local_place(self) -> str:
        """The place as a département's page says it, whose title names the département: « venue, town »."""
        return self.where(None)

    def where(self, departement: str | None) -> str:
        venue = self.meta.venue
        if venue is None or self.attendance == "en-ligne":
            return "En ligne"
        where = ", ".join(part for part in (venue.name, venue.city) if part) + (f" ({departement})" if departement else "")
        return where + (" et en ligne" if self.attendance == "mixte" else "")

    @property
    def departement_named(self) -> str | None:
        """The département said after the town (« Dechy (Nord) »), but for a town of its name (« Paris », not « Paris (Paris) »)."""
        name = DEPARTEMENTS[self.departement] if self.departement else None
        return None if name and self.meta.venue and fold(self.meta.venue.city) == fold(name) else name

    @property
    def departement(self) -> str | None:
        """That of the postal code, else of the town when its name says it (« Dechy »: 59)."""
        if (venue := self.meta.venue) is None:
            return None
        return departement_of(venue.postal_code) if venue.postal_code else departement_of_town(venue.city, self.meta.region)

    @property
    def sort_key(self) -> tuple:
        first = self.occurrences[0]
        start = first.start if isinstance(first.start, datetime) else datetime.combine(first.start, time(), ZoneInfo(self.timezone))
        return (start.astimezone(ZoneInfo("UTC")), self.meta.title.casefold(), self.slug)


@dataclass(frozen=True)
class Figures:
    actions: int
    slots: int  # an action in several time slots counts once as an action
    organizers: int  # establishments and other organisers, told apart by name
    regions: int
    departements: int


@dataclass(frozen=True)
class Edition:
    meta: EditionMeta
    source: str
    summary_html: str
    events: tuple[Event, ...] = field(default=())
    materials: tuple[MaterialItem, ...] = field(default=())
    calls: tuple[Call, ...] = field(default=())

    @property
    def year(self) -> int:
        return self.meta.year

    @property
    def url(self) -> str:
        return link("edition", year=self.year)

    @cached_property
    def figures(self) -> Figures:
        """What the edition's actions add up to."""
        departements = {event.departement for event in self.events} - {None}
        return Figures(actions=len(self.events), slots=sum(len(event.occurrences) for event in self.events),
                       organizers=len({fold(event.meta.organizer) for event in self.events}),
                       regions=len({event.meta.region for event in self.events} - {None}),
                       departements=len(departements))

    @cached_property
    def by_departement(self) -> dict[str, list[tuple[date, list[tuple[Event, Occurrence]]]]]:
        """`days`, département by département (events with a postal code), in département order."""
        found: dict[str, list] = {}
        for day, items in self.days:
            for item in items:
                code = item[0].departement
                if code:
                    days = found.setdefault(code, [])
                    if not days or days[-1][0] != day:
                        days.append((day, []))
                    days[-1][1].append(item)
        return dict(sorted(found.items()))

    @cached_property
    def actions_by_departement(self) -> dict[str, int]:
        """How many actions (not time slots) each département of `by_departement` has."""
        return {code: len({event.slug for _, items in days for event, _ in items})
                for code, days in self.by_departement.items()}

    @cached_property
    def actions_by_day(self) -> dict[date, int]:
        """How many actions (not time slots) take place each day of `days`: the one figure of a day."""
        return {day: len({event.slug for event, _ in items}) for day, items in self.days}

    @cached_property
    def days(self) -> list[tuple[date, list[tuple[Event, Occurrence]]]]:
        """Events by day (a multi-day event appears on each of its days), in time order."""
        by_day: dict[date, list[tuple[Event, Occurrence]]] = {}
        for event in self.events:
            for occurrence in event.occurrences:
                for day in occurrence.days():
                    by_day.setdefault(day, []).append((event, occurrence))
        return [(day, sorted(items, key=occurrence_order)) for day, items in sorted(by_day.items())]


def occurrence_order(item: tuple[Event, Occurrence]) -> tuple:
    """A day's order (the listing's, its pages', its script's data): all-day entries first, then by local
    start time, then by title."""
    event, occurrence = item
    clock = occurrence.start.time() if isinstance(occurrence.start, datetime) else time.min
    return (not occurrence.all_day, clock, event.meta.title.casefold(), occurrence.index)
