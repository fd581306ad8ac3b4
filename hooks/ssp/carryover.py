"""Carry an action over to a later edition (`ssp reconduire`): the same organiser, place, audience and
presentation, its dates moved to the new edition's week, its status reset, and the action it repeats
named (`carried_over_from`), which its page links to and the loader checks."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from .frenchdates import long_date
from .models import Event
from .problems import ContentError, Problem
from .scaffold import check_event, front_matter_text
from .source import parse_yaml, read_text, split_front_matter
from .urls import link

DROPPED = {  # fields of last year's file that do not carry over, and what the command says of each
    "status": "", "draft": "", "publish_from": "", "outside_year": "",
    "registration": "le lien ou l'adresse d'inscription de l'an dernier (ajoutez celui de cette année)",
}


@dataclass(frozen=True)
class Choice(Exception):
    """The new week does not start on the same weekday: the first day can keep its weekday or its rank."""
    first: date
    same_weekday: date
    same_rank: date

    def question(self) -> str:
        return (f"La semaine de l'édition {self.same_rank.year} ne commence pas le même jour de la semaine que celle de "
                f"{self.first.year}. L'action avait lieu le {long_date(self.first)} ; la reconduire le "
                f"{long_date(self.same_weekday)} (même jour de la semaine) ou le {long_date(self.same_rank)} "
                f"(même jour de la semaine nationale) ?")


@dataclass(frozen=True)
class Carried:
    """What `ssp reconduire` writes: the new file's path and text, the first day before and after, what was left out."""
    path: Path
    text: str
    before: date
    after: date
    dropped: list[str]


def find_action(project: Path, named: str, year: int) -> Path:
    """The file of the action to carry into edition `year`: its path (campaigns/2025/events/x.md), or the
    spreadsheet `identifiant` it was imported with (the latest edition before `year` that has it)."""
    path = Path(named) if Path(named).is_absolute() else (Path.cwd() / named)
    if not path.is_file():
        path = project / named
    if path.suffix == ".md" and path.is_file():
        path = path.resolve()
        if path.parent.name != "events" or path.parent.parent.parent != (project / "campaigns").resolve() \
                or not path.parent.parent.name.isdigit():
            raise ContentError([Problem(named, 0, "", "ce fichier n'est pas une action d'une édition de ce projet : "
                                                      "donnez campaigns/<année>/events/<nom>.md")])
        return path
    pattern = re.compile(rf"^import_id:\s*['\"]?{re.escape(named)}['\"]?\s*$", re.MULTILINE)
    found = sorted(path for path in project.glob("campaigns/*/events/*.md")
                   if path.parent.parent.name.isdigit() and int(path.parent.parent.name) < year
                   and pattern.search(path.read_text(encoding="utf-8", errors="replace")))
    latest = [path for path in found if path.parent.parent.name == found[-1].parent.parent.name] if found else []
    if len(latest) != 1:
        said = (f"aucune action d'une édition avant {year} n'a ce fichier ni cet identifiant" if not latest else
                "plusieurs actions ont cet identifiant (" + ", ".join(_rel(project, p) for p in latest) + ")")
        raise ContentError([Problem(named, 0, "", f"{said} : donnez le chemin du fichier de l'action "
                                                  "(campaigns/<année>/events/<nom>.md) ou son identifiant de tableur")])
    return latest[0]


def week(project: Path, year: int) -> tuple[date, date] | None:
    """An edition's national week from its edition.yml, or None while its dates are to fill."""
    path = project / "campaigns" / str(year) / "edition.yml"
    rel = path.relative_to(project).as_posix()
    if not path.is_file():
        raise ContentError([Problem(rel, 0, "", f"l'édition {year} n'existe pas : créez-la d'abord (ssp nouvelle-edition {year})")])
    data = parse_yaml(read_text(path, rel), rel).data or {}
    try:
        return date.fromisoformat(str(data.get("start"))), date.fromisoformat(str(data.get("end")))
    except ValueError:
        return None


def first_day(project: Path, source: Path, year: int, start: date | None, rule: str | None) -> tuple[date, date]:
    """The action's first day, and the new one: `start` if given, else moved to the same place in the new week
    (`rule` « semaine » or « rang » answers the Choice raised when the weeks start on different weekdays)."""
    data = front_matter(project, source)[0]
    days = [day for day in map(_day, _moments(data)) if day]
    if not days:
        raise ContentError([Problem(_rel(project, source), 0, "start", "l'action n'a pas de date lisible : lancez « ssp verifier »")])
    first = min(days)
    if start is not None:
        if start.year != year:
            raise ContentError([Problem("--debut", 0, "", f"le {long_date(start)} n'est pas en {year} : "
                                                          f"donnez une date de l'édition {year}")])
        return first, start
    old, new = week(project, int(source.parent.parent.name)), week(project, year)
    if old is None or new is None:
        raise ContentError([Problem(f"campaigns/{year if new is None else source.parent.parent.name}/edition.yml", 0, "start",
                                    "les dates de cette édition ne sont pas encore remplies : donnez le nouveau premier "
                                    "jour de l'action avec --debut AAAA-MM-JJ")])
    same_rank = new[0] + (first - old[0])
    same_weekday = same_rank + timedelta(days=(first.weekday() - same_rank.weekday() + 3) % 7 - 3)
    if same_rank == same_weekday or rule == "rang":
        return first, same_rank
    if rule == "semaine":
        return first, same_weekday
    raise Choice(first, same_weekday, same_rank)


def carry_over(project: Path, source: Path, year: int, new_first: date, first: date) -> Carried:
    """Next year's file of the action at `source`, every date moved by the same number of days."""
    week(project, year)  # the new edition exists
    data, body = front_matter(project, source)
    old_year, slug = int(source.parent.parent.name), source.stem
    if year <= old_year:
        raise ContentError([Problem(_rel(project, source), 0, "", f"l'action est de l'édition {old_year} : reconduisez-la "
                                                                  f"dans une édition suivante (--edition {old_year + 1})")])
    delta = new_first - first
    dropped = [DROPPED[key] for key in DROPPED if key in data and DROPPED[key]]
    fields = {key: _moved(value, delta) if key in ("start", "end") else value for key, value in data.items() if key not in DROPPED}
    if fields.get("slots"):
        fields["slots"] = [{key: _moved(value, delta) for key, value in slot.items()} for slot in fields["slots"]]
    fields["carried_over_from"] = f"{old_year}/{slug}"
    path = project / "campaigns" / str(year) / "events" / f"{slug}.md"
    if path.exists():
        raise ContentError([Problem(_rel(project, path), 0, "", "ce fichier existe déjà : l'action est peut-être déjà reconduite")])
    check_event(fields, _rel(project, path))
    text = "---\n" + front_matter_text(fields) + "---\n" + body
    return Carried(path, text, first, new_first, dropped)


def front_matter(project: Path, source: Path) -> tuple[dict[str, Any], str]:
    """The fields and the body of an event file, every value as written (YAML's own reading would turn
    an unquoted « 17:00 » into 1020)."""
    rel = _rel(project, source)
    text, body, first_line = split_front_matter(read_text(source, rel), rel)
    data = parse_yaml(text, rel, first_line).data
    if not isinstance(data, dict):
        raise ContentError([Problem(rel, 1, "", "en-tête illisible : lancez « ssp verifier »")])
    return data, body


def _moments(data: dict[str, Any]) -> list[Any]:
    slots = data.get("slots") or []
    return [data.get("start"), data.get("end")] + [slot.get(key) for slot in slots if isinstance(slot, dict) for key in ("start", "end")]


def _day(value: Any) -> date | None:
    """The day of a start or end as written: a date, a date-time, or their text (YAML reads « 2025-09-16T14:00 » as text)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    found = re.match(r"(\d{4}-\d{2}-\d{2})", value) if isinstance(value, str) else None
    return date.fromisoformat(found.group(1)) if found else None


def _moved(value: Any, delta: timedelta) -> Any:
    """A start or end moved by `delta`, written as the editor wrote it (a bare « 17:30 » stays)."""
    if isinstance(value, datetime):
        return (value + delta).strftime("%Y-%m-%dT%H:%M")
    if isinstance(value, date):
        return value + delta
    if isinstance(value, str) and (found := re.fullmatch(r"(\d{4}-\d{2}-\d{2})([T ]\d{1,2}:\d{2})?", value.strip())):
        day = date.fromisoformat(found.group(1)) + delta
        return day.isoformat() + found.group(2) if found.group(2) else day
    return value


def _rel(project: Path, path: Path) -> str:
    return path.relative_to(project).as_posix() if path.is_relative_to(project) else path.as_posix()


def problems(events: dict[Path, list], project_dir: Path) -> list[Problem]:
    """An action carried over names the action it repeats: one of an earlier edition (load.load_all)."""
    loaded = [event for items in events.values() for event in items if isinstance(event, Event)]
    found = {f"{event.year}/{event.slug}" for event in loaded}
    said = []
    for event in loaded:
        named = event.meta.carried_over_from
        if named and (named not in found or int(named[:4]) >= event.year):
            lines = (project_dir / event.source).read_text(encoding="utf-8").splitlines()
            line = next((number for number, text in enumerate(lines, 1) if text.startswith("carried_over_from:")), 0)
            said.append(Problem(event.source, line, "carried_over_from",
                                f"action « {named} » introuvable dans une édition précédente : écrivez l'année et le nom "
                                f"du fichier (sans .md) d'une action existante, ou retirez la ligne"))
    return said


def previous_event(event: Event, published: frozenset[str]) -> tuple[int, str] | None:
    """The edition an action carried over was already held in, and its page there if published (else "")."""
    named = event.meta.carried_over_from
    if not named:
        return None
    year, slug = named.split("/")
    return int(year), link("event", year=year, slug=slug) if named in published else ""
