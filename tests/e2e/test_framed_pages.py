"""Event, day and département pages are written from a frame shared by their folder's pages
(hooks/framed_pages.py). A template change that the frame cannot hold — the title transformed,
written as JSON, or a value proper to each page — must stop the build with a French message,
never publish wrong pages."""

from __future__ import annotations

import pytest

from builds import build, site_project
from helpers import EVENT, typeset

CHANGES = {
    "titre transformé": '<meta name="ssp-test" content="{{ page.meta.title | upper }}">',
    "titre en JSON": '<script type="application/json" id="ssp-test">{{ {"title": page.meta.title} | tojson }}</script>',
    "adresse de la page": '<meta name="ssp-test" content="{{ page.url }}">',
}
# Proper to département pages only: the check runs on a page of each kind, not on event pages alone.
DEPARTEMENT_ONLY = '{% if "departements" in page.url %}<meta name="ssp-test" content="{{ page.url }}">{% endif %}'


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    project = site_project(tmp_path_factory.mktemp("frame"))  # the real 2017 edition has event pages
    project.event("stand-douai", EVENT.replace("  city: Dechy", "  city: Douai\n  postal_code: '59500'"))  # and a département page
    return project


def build_with(project, template, text: str):
    """A build with `template` holding `text`; the template is put back after (the project serves the whole module)."""
    original = template.read_text(encoding="utf-8")
    template.write_text(text, encoding="utf-8")
    try:
        return build(project.root)
    finally:
        template.write_text(original, encoding="utf-8")


@pytest.mark.parametrize("change", CHANGES.values(), ids=CHANGES.keys())
def test_a_template_the_shared_frame_cannot_hold_stops_the_build(project, change):
    main = project.root / "overrides" / "etat" / "main.html"  # the default presentation's frame
    original = main.read_text(encoding="utf-8")
    built = build_with(project, main, original.replace("{% block extrahead %}\n", "{% block extrahead %}\n" + change + "\n", 1))
    assert built.result.returncode != 0
    assert "Les pages d'actions, de jours, de départements, les affiches et les listes à intégrer sont écrites dans un cadre commun" in built.result.stderr
    assert "2017/" in built.result.stderr and "Traceback" not in built.result.stderr
    assert not (project.root / "site" / "2017" / "evenements").exists()  # nothing published


def test_a_template_that_breaks_only_departement_pages_stops_the_build(project):
    main = project.root / "overrides" / "etat" / "main.html"  # the default presentation's frame
    original = main.read_text(encoding="utf-8")
    built = build_with(project, main, original.replace("{% block extrahead %}\n", "{% block extrahead %}\n" + DEPARTEMENT_ONLY + "\n", 1))
    assert built.result.returncode != 0
    assert "plus : 2017/departements/34.md y diffère" in built.result.stderr, built.result.stderr  # the first one: Montpellier
    assert "Traceback" not in built.result.stderr and not (project.root / "site" / "2017").exists()


def test_the_unchanged_templates_give_the_pages_material_would_write(project):
    built = build(project.root)  # the check runs in every build, on the first page of each kind
    assert built.result.returncode == 0, built.result.stderr
    title = built.html("2017/evenements/colloque-regional-occitanie/index.html").title.get_text()
    assert title.startswith("Colloque régional")
    departement = built.html("2017/departements/59/index.html")
    assert departement.h1.get_text() == typeset("Nord (59) : les actions de l'édition 2017")
    home, edition = departement.select(".ssp-breadcrumb a")[:2]
    assert (home["href"], edition["href"]) == ("../../../", "../../")  # its links, from its own folder


@pytest.mark.parametrize("only_on", ["", "{% if event.slug == 'portes-ouvertes-maternite-douai' %}"],
                         ids=["toutes les pages", "une page, écrite par un processus de travail"])
def test_a_template_error_is_told_in_french_with_its_file_and_line(project, only_on):
    details = project.root / "overrides" / "partials" / "ssp" / "event-details.html"
    original = details.read_text(encoding="utf-8")
    line = original.count("\n") + 2
    built = build_with(project, details, original + "\n" + only_on + "{{ event.meta.nope.deeper }}"
                       + ("{% endif %}" if only_on else "") + "\n")
    assert built.result.returncode != 0
    assert f"Erreur dans le gabarit overrides/partials/ssp/event-details.html, ligne {line}" in built.result.stderr
    assert "has no attribute 'nope'" in built.result.stderr and "Traceback" not in built.result.stderr


def test_an_error_in_the_frame_template_is_told_in_french(project):
    main = project.root / "overrides" / "etat" / "main.html"  # the default presentation's frame
    original = main.read_text(encoding="utf-8")
    line = original.splitlines().index("  {% block extrahead %}") + 2
    built = build_with(project, main, original.replace("{% block extrahead %}\n", "{% block extrahead %}\n{{ page.nope.deeper }}\n", 1))
    assert built.result.returncode != 0
    assert f"Erreur dans le gabarit overrides/etat/main.html, ligne {line}" in built.result.stderr
    assert "Traceback" not in built.result.stderr
