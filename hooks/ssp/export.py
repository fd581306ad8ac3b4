"""Write every generated page (as data) and every data file to a folder, without MkDocs.

If MkDocs or Material become unmaintained, another generator can start from this: one JSON
file per page (its address, title, template name, description and content) plus the data
files exactly as the site publishes them.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .build import Site
from .models import Edition, Event


def serialize(value: Any) -> Any:
    """JSON-ready data; an edition refers to its events by address so that pages stay small."""
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if isinstance(value, Edition):
        return {"year": value.year, "url": value.url, "meta": serialize(value.meta), "summary_html": value.summary_html,
                "events": [event.url for event in value.events], "calls": [call.url for call in value.calls],
                "materials": serialize(value.materials)}
    if isinstance(value, Event):
        return {"id": value.id, "url": value.url,
                **{f.name: serialize(getattr(value, f.name)) for f in dataclasses.fields(value) if f.name != "digest"}}
    if dataclasses.is_dataclass(value):
        return {f.name: serialize(getattr(value, f.name)) for f in dataclasses.fields(value) if f.name != "content"}
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(key): serialize(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [serialize(item) for item in value]
    if isinstance(value, (set, frozenset)):
        return sorted(serialize(item) for item in value)
    return value


def export(site: Site, folder: Path) -> int:
    """Write pages/<page>.json and the data files under `folder`; return the number of files."""
    count = 0
    for page in site.pages:
        data = {"src_uri": page.src_uri, "url": _url(page.src_uri), "title": page.title, "template": page.view.body or page.template,
                "description": page.description, "context": serialize(page.context)}
        target = folder / "pages" / (page.src_uri[:-3] + ".json")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        count += 1
    for path, content in site.files.items():
        target = folder / "fichiers" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        count += 1
    return count


def _url(src_uri: str) -> str:
    stem = src_uri[:-3]
    return "" if stem == "index" else (stem[: -len("index")] if stem.endswith("/index") else stem + "/")
