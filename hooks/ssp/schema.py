"""JSON Schemas of the content files, generated from the models, for editors' tools (VS Code YAML).

Written to schemas/ by `python -m ssp schemas` and kept in sync by a test. Controlled lists
carry their French labels (enumDescriptions), so the editor explains each value.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from .content import MATERIAL_KINDS, IdeasMeta
from .kinds import KINDS
from .models import EditionMeta, EventMeta
from .vocab import AUDIENCES, EVENT_TYPES, REGIONS, STATUSES

SCHEMAS: dict[str, tuple[type[BaseModel], str]] = {
    "edition.schema.json": (EditionMeta, "Édition : campaigns/<année>/edition.yml"),
    "evenement.schema.json": (EventMeta, "Action : en-tête de campaigns/<année>/events/<nom>.md"),
    "idees-recues.schema.json": (IdeasMeta, "Idées reçues : campaigns/partenariat/idees-recues.yml"),
    **{kind.schema: (kind.meta, kind.schema_title) for kind in KINDS},
}
LABELLED_LISTS = [EVENT_TYPES, STATUSES, AUDIENCES, MATERIAL_KINDS, {region: region for region in REGIONS}]


def _describe_enums(node: Any) -> None:
    """Add French descriptions to every controlled list found in the schema."""
    if isinstance(node, dict):
        values = node.get("enum")
        for labels in LABELLED_LISTS:
            if values and all(value in labels for value in values):
                node["enumDescriptions"] = [labels[value] for value in values]
                node["markdownEnumDescriptions"] = node["enumDescriptions"]
                break
        for child in node.values():
            _describe_enums(child)
    elif isinstance(node, list):
        for child in node:
            _describe_enums(child)


def schema(model: type[BaseModel], title: str) -> dict[str, Any]:
    document = model.model_json_schema(mode="validation")
    document = {"$schema": "https://json-schema.org/draft/2020-12/schema", **document, "title": title}
    _describe_enums(document)
    return document


def schema_files() -> dict[str, str]:
    """File name → JSON text, stable (sorted keys) so that the committed files can be compared."""
    return {name: json.dumps(schema(model, title), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
            for name, (model, title) in SCHEMAS.items()}
