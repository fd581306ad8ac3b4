"""JSON Schemas: committed files match the models, real content passes, mistakes are caught, VS Code is wired."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from helpers import ROOT
from ssp.schema import schema_files
from ssp.source import split_front_matter

SCHEMAS = ROOT / "schemas"


class Yaml12Loader(yaml.SafeLoader):
    """What VS Code's YAML server sees: YAML 1.2 core schema (no timestamps, no yes/no booleans)."""


Yaml12Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
Yaml12Loader.add_implicit_resolver("tag:yaml.org,2002:bool", __import__("re").compile(r"^(?:true|false|True|False|TRUE|FALSE)$"),
                                   list("tTfF"))


def load_for_editor(path: Path):
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        text = split_front_matter(text, path.name)[0]
    return yaml.load(text, Loader=Yaml12Loader)


def test_committed_schemas_match_the_models():
    generated = schema_files()
    assert sorted(path.name for path in SCHEMAS.glob("*.json")) == sorted(generated)
    for name, text in generated.items():
        assert (SCHEMAS / name).read_text(encoding="utf-8") == text, f"{name} : lancez « ssp schemas »"


FILES = {
    "edition.schema.json": "campaigns/*/edition.yml",
    "evenement.schema.json": "campaigns/*/events/*.md",
    "appel.schema.json": "campaigns/*/appels/*.md",
    "contact.schema.json": "campaigns/contacts/*.yml",
    "idees-recues.schema.json": "campaigns/partenariat/idees-recues.yml",
    "quiz.schema.json": "campaigns/partenariat/quiz/*.yml",
    "atelier.schema.json": "campaigns/partenariat/ateliers/*.md",
    "fiche.schema.json": "campaigns/partenariat/fiches/*.yml",
}


@pytest.mark.parametrize("name, pattern", FILES.items())
def test_real_content_passes_its_schema(name, pattern):
    validator = jsonschema.Draft202012Validator(json.loads((SCHEMAS / name).read_text(encoding="utf-8")))
    paths = sorted(ROOT.glob(pattern))
    assert paths, pattern
    for path in paths:
        errors = [error.message for error in validator.iter_errors(load_for_editor(path))]
        assert errors == [], path


def test_schema_catches_mistakes_and_explains_lists():
    schema = json.loads((SCHEMAS / "evenement.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    event = {"title": "T", "type": "porte-ouverte", "start": "2017-11-24", "organizer": "O", "organiser": "x"}
    messages = sorted(error.message for error in validator.iter_errors(event))
    assert any("porte-ouverte" in message for message in messages)
    assert any("organiser" in message for message in messages)  # additional property
    assert schema["properties"]["type"]["enumDescriptions"][0] == "Portes ouvertes"
    region = json.dumps(schema["properties"]["region"], ensure_ascii=False)
    assert "La Réunion" in region and "Auvergne-Rhône-Alpes" in region
    assert schema["properties"]["title"]["description"] == "Titre de l'action"


def test_vscode_maps_schemas_to_content_files():
    settings = json.loads((ROOT / ".vscode/settings.json").read_text(encoding="utf-8"))
    mapping = settings["yaml.schemas"]
    for schema_path, pattern in mapping.items():
        assert (ROOT / schema_path).is_file()
        assert list(ROOT.glob(pattern)), pattern
