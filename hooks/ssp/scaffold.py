"""Create content files for editors: a new event from a few answers, the next edition from the last."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from .models import EventMeta
from .problems import ContentError, Problem
from .source import Document, parse_yaml, read_text
from .text import slugify
from .validate import translate

BODY_HINT = "<!-- Écrivez ici la présentation de l'action (Markdown). -->\n"


def front_matter_text(fields: dict[str, Any]) -> str:
    """YAML for a front matter: keys in the contract's order, empty values left out."""
    kept = {key: value for key, value in fields.items() if value not in (None, "", [], {})}
    return yaml.safe_dump(kept, allow_unicode=True, sort_keys=False, default_flow_style=False, width=1000)


def event_fields(title: str, type_: str, start: str, end: str | None, organizer: str, city: str | None,
                 postal_code: str | None, venue_name: str | None, region: str | None, online_url: str | None,
                 audience: list[str], time_note: str | None = None, registration: str | None = None,
                 status: str | None = None, address: str | None = None) -> dict[str, Any]:
    venue = {"name": venue_name, "address": address, "postal_code": postal_code, "city": city} if city else None
    return {"title": title, "type": type_, "start": start, "end": end, "time_note": time_note, "organizer": organizer,
            "venue": {k: v for k, v in venue.items() if v} if venue else None, "region": region,
            "audience": audience, "registration": registration, "online_url": online_url,
            "status": status if status and status != "scheduled" else None}


def check_event(fields: dict[str, Any], rel: str) -> EventMeta:
    """Validate fields as the loader will, or raise the same French problems."""
    data = {key: value for key, value in fields.items() if value not in (None, "", [], {})}
    try:
        return EventMeta.model_validate(data)
    except ValidationError as error:
        raise ContentError(translate(error, Document(data), rel, EventMeta)) from None


def new_event(project: Path, year: int, fields: dict[str, Any], slug: str | None = None) -> Path:
    """Write campaigns/<year>/events/<slug>.md after checking it; refuse to overwrite."""
    slug = slug or slugify(fields["title"])[:60].rstrip("-")
    path = project / "campaigns" / str(year) / "events" / f"{slug}.md"
    rel = path.relative_to(project).as_posix()
    if not (project / "campaigns" / str(year) / "edition.yml").is_file():
        raise ContentError([Problem(f"campaigns/{year}/edition.yml", 0, "", f"l'édition {year} n'existe pas : créez-la d'abord "
                                                                         f"(python -m ssp nouvelle-edition {year})")])
    if path.exists():
        raise ContentError([Problem(rel, 0, "", "ce fichier existe déjà ; choisissez un autre nom avec --nom")])
    check_event(fields, rel)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("---\n" + front_matter_text(fields) + "---\n" + BODY_HINT, encoding="utf-8")
    return path


def new_edition(project: Path, year: int, previous: int | None) -> Path:
    """campaigns/<year>/edition.yml, from the previous edition: number + 1, its official links, dates to fill."""
    folder = project / "campaigns" / str(year)
    path = folder / "edition.yml"
    rel = path.relative_to(project).as_posix()
    if path.exists():
        raise ContentError([Problem(rel, 0, "", "cette édition existe déjà")])
    number: int | None = None
    resources: list[Any] = []
    if previous is not None:
        source = project / "campaigns" / str(previous) / "edition.yml"
        if not source.is_file():
            raise ContentError([Problem(source.relative_to(project).as_posix(), 0, "", "édition de départ introuvable")])
        old = parse_yaml(read_text(source, source.relative_to(project).as_posix()), "edition.yml").data or {}
        number = int(old["number"]) + 1 if str(old.get("number", "")).isdigit() else None
        resources = old.get("resources") or []
    lines = [f"# Édition {year}" + (f", créée à partir de l'édition {previous}" if previous else ""),
             "# Remplissez theme, start et end : « make verifier » signale ce qui manque.",
             f"year: {year}"]
    if number:
        lines.append(f"number: {number}")
    lines += ["theme:            # À REMPLIR : le thème national, entre guillemets",
              "start:            # À REMPLIR : premier jour de la semaine nationale, AAAA-MM-JJ",
              "end:              # À REMPLIR : dernier jour, AAAA-MM-JJ"]
    if resources:
        lines.append("# Liens repris de l'édition précédente : vérifiez qu'ils valent pour cette édition.")
        lines.append(front_matter_text({"resources": resources}).rstrip())
    folder.joinpath("events").mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
