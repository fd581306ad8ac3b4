"""The map of regions: every region present, counts, shades, links, and data in sync with its source."""

from __future__ import annotations

import importlib.util
import json

import pytest

from helpers import ROOT, front_matter
from ssp.regionmap import DATA, region_map
from ssp.urls import link
from ssp.vocab import REGIONS


def test_every_region_is_on_the_map_with_its_count(project):
    project.edition()
    project.event("a", front_matter(region="Occitanie", venue="\n  city: Sète"))
    project.event("b", front_matter(region="Occitanie", venue="\n  city: Agde"))
    project.event("c", front_matter(region="'La Réunion'", venue="\n  city: Saint-Pierre"))
    project.event("d", front_matter(venue=None, region=None, online_url="https://example.org"))
    carte = region_map(project.load()[0])
    by_name = {region.name: region for region in carte.regions}
    assert set(by_name) == set(REGIONS)
    assert (by_name["Occitanie"].count, by_name["La Réunion"].count, by_name["Corse"].count) == (2, 1, 0)
    assert (by_name["Occitanie"].shade, by_name["La Réunion"].shade, by_name["Corse"].shade) == (4, 1, 0)
    assert by_name["La Réunion"].inset and not by_name["Occitanie"].inset
    assert by_name["Occitanie"].path.startswith("M")
    # each region leads to the edition's listing filtered on it (the map's links, urls.link)
    assert link("listing", year=2017, query={"region": "Provence-Alpes-Côte d'Azur"}) == \
        "2017/evenements/?region=Provence-Alpes-C%C3%B4te%20d%27Azur"


def test_labels_sit_inside_the_drawing():
    data = json.loads(DATA.read_text(encoding="utf-8"))
    width, height = (int(n) for n in data["viewBox"].split()[2:])
    assert len(data["regions"]) == 13
    for name, shape in data["regions"].items():
        x, y = shape["label"]
        assert 0 < x < width and 0 < y < height, name


def test_committed_map_data_matches_its_source(tmp_path, monkeypatch):
    source = ROOT / "node_modules" / "@svg-maps" / "france.departments" / "index.js"
    if not source.is_file():
        pytest.skip("node_modules absent : lancez make test")
    spec = importlib.util.spec_from_file_location("make_region_map", ROOT / "tools" / "make_region_map.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    monkeypatch.setattr(tool, "TARGET", tmp_path / "regions.json")
    tool.main()
    assert (tmp_path / "regions.json").read_text(encoding="utf-8") == DATA.read_text(encoding="utf-8")
