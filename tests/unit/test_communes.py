"""Towns and postal codes checked against the official list of communes, as editors write them."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from test_validation import only_problem

from helpers import ROOT, front_matter

sys.path.insert(0, str(ROOT / "hooks"))

from ssp.communes import DATA, departement_of_town, mismatch, town_key


@pytest.mark.parametrize("city, region, departement", [
    ("Dechy", "Hauts-de-France", "59"),  # the one commune of that name
    ("Dechy", None, "59"),
    ("Dechy", "Occitanie", None),  # not in the event's region: nothing guessed
    ("St-Denis", "La Réunion", "974"),  # four communes of that name, one in La Réunion
    ("Saint-Denis", "Île-de-France", "93"),
    ("Saint-Denis", None, None),  # which one?
    ("Lyon 3e", "Auvergne-Rhône-Alpes", "69"),
    ("Dechyy", "Hauts-de-France", None),  # unknown
])
def test_a_town_without_its_postal_code_names_its_departement_when_only_one_is_meant(city, region, departement):
    assert departement_of_town(city, region) == departement


@pytest.mark.parametrize("city, postal_code", [
    ("Rennes", "35700"),
    ("RENNES", "35000"),
    ("St-Étienne", "42000"),
    ("Saint Etienne Cedex 2", "42055"),  # an establishment's own « Cedex » code, in the right département
    ("Paris 15e", "75015"),
    ("Lyon 3e arrondissement", "69003"),
    ("Marseille 8ème", "13008"),
    ("L'Haÿ-les-Roses", "94240"),
    ("Ajaccio", "20090"),  # Corse-du-Sud
    ("Bastia", "20600"),  # Haute-Corse
    ("Saint-Denis", "97400"),  # La Réunion, not Seine-Saint-Denis
    ("Mamoudzou", "97600"),
    ("Cherbourg-Octeville", "50100"),  # a former commune, now delegated: still the town people write
])
def test_towns_as_editors_write_them(city, postal_code):
    assert mismatch(city, postal_code) is None


def test_a_postal_code_of_another_town_names_the_right_ones():
    field, message = mismatch("Saint-Denis", "93100")
    assert field == "postal_code"
    assert message.startswith("le code postal 93100 n'est pas celui de Saint-Denis (")
    assert "Saint-Denis (93) : 93200, 93210, 93380" in message and "Saint-Denis (974) : 97400, 97417, 97490" in message


def test_a_cedex_code_outside_the_towns_departement_is_refused():
    field, message = mismatch("Rennes", "75999")  # no commune has it, and it is in Paris
    assert field == "postal_code" and "Rennes (35) : 35000, 35200, 35700" in message


def test_a_misspelt_town_gets_the_closest_ones_of_its_departement_first():
    field, message = mismatch("Renes", "35000")
    assert field == "city"
    assert message.startswith("la commune « Renes » est inconnue des données officielles (Insee)")
    assert "vouliez-vous écrire « Rennes » (35)" in message


def test_town_keys():
    assert town_key("Ste-Foy-lès-Lyon") == town_key("Sainte Foy les Lyon") == "sainte foy les lyon"
    assert town_key("Paris 1er") == "paris" and town_key("Arles CEDEX") == "arles"
    assert town_key("Saint-Étienne-du-Rouvray") == "saint etienne du rouvray"


def test_the_loader_names_the_file_line_and_field(project):
    problem = only_problem(project, front_matter(region="Bretagne", venue="\n  city: Rennes\n  postal_code: '35400'"))
    assert problem.field == "venue.postal_code" and problem.line > 0
    assert "le code postal 35400 n'est pas celui de Rennes (Rennes (35) : 35000, 35200, 35700)" in problem.message


def test_the_shipped_list_is_the_official_one_and_complete():
    data = json.loads(DATA.read_text(encoding="utf-8"))
    assert data["source"].startswith("Communes et codes postaux : @etalab/decoupage-administratif ")
    departements = {departement for _, departement, _ in data["communes"]}
    from ssp.vocab import REGION_OF_DEPARTEMENT
    assert departements == set(REGION_OF_DEPARTEMENT)  # every département of the campaign, nothing else
    assert len(data["communes"]) > 34000


@pytest.mark.skipif(not (ROOT / "node_modules/@etalab/decoupage-administratif").exists(), reason="npm ci not run")
def test_the_shipped_list_is_what_the_tool_makes_from_the_npm_package():
    made = subprocess.run([sys.executable, "-c", "import make_communes as m; print(m.serialised(m.communes_data()), end='')"],
                          cwd=ROOT / "tools", capture_output=True, text=True, check=True).stdout
    assert made == DATA.read_text(encoding="utf-8")
