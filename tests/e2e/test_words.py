"""The words readers see: none of the jargon or wrong forms readers tripped on, on any page the
site writes (the organisers' own texts — descriptions, programmes — are theirs and left out)."""

from __future__ import annotations

import re

import pytest

from ssp.frenchnumbers import number, plural

WRONG = {
    r"\bcréneaux?\b": "« séance » : un lecteur ne parle pas de créneaux",
    r"\bcliquez\b": "on touche un téléphone : « choisissez », « ouvrez »",
    r"\bOrganisé par\b": "« Organisateur : » (le nom qui suit n'a pas d'article)",
    r"\b(?:Annulé|Terminé|Reporté|Programmé|Reprogrammé|Déplacé)\b(?!e)": "une action : « Annulée », « Reportée »…",
    r"\(\d[\dAB]?\) \(\d+\)": "« Nord (59) (99) » : le nombre après « : »",
    r"sans région": "« En ligne (sans lieu) »",
    r"(?<![\d\u202f])\d{4,}(?= (?:actions?|séances?|résultats?|restants?)\b)": "« 2 000 actions » : espace fine",
    r"\bssp (?:importer|verifier|exporter|declaration|formulaire)\b": "une commande de l'équipe n'a rien à faire devant le public",
}
THEIRS = ".ssp-description, .ssp-programme, .ssp-edition__summary, script, style, template"


def visible_text(soup) -> str:
    main = soup.select_one("main") or soup
    for element in main.select(THEIRS):
        element.decompose()
    return " ".join(main.get_text(" ").split())


@pytest.mark.parametrize("fixture", ["real_site", "gates_site"])
def test_no_page_says_the_words_readers_tripped_on(fixture, request):
    built = request.getfixturevalue(fixture)
    built = built[0] if isinstance(built, tuple) else built
    found = []
    for path in sorted(built.site.rglob("*.html")):
        text = visible_text(built.html(str(path.relative_to(built.site))))
        for pattern, why in WRONG.items():
            for match in re.finditer(pattern, text, flags=re.IGNORECASE if pattern == r"\bcliquez\b" else 0):
                found.append(f"{path.relative_to(built.site)}: « {text[max(0, match.start() - 40):match.end() + 20]} » — {why}")
    assert not found, "\n".join(found[:30])


def test_counts_are_written_the_french_way():
    assert number(2000) == "2\u202f000" and number(999) == "999"
    assert plural(2156, "séance") == "2\u202f156 séances" and plural(1, "action") == "1 action" and plural(0, "action") == "0 action"
