"""Each page template has one view (hooks/ssp/views.py) holding what it shows; templates read
no global site and make no decision that depends on the day of the build."""

from __future__ import annotations

import inspect
import re
import shutil
from datetime import date
from urllib.parse import parse_qs, urlsplit

import pytest

from helpers import ROOT, front_matter
from ssp import views
from ssp.build import build_site
from ssp.kinds import KINDS
from ssp.templating import LABELS, status_badge
from ssp.vocab import STATUS_BADGES, STATUSES

VIEWS = [view for _, view in inspect.getmembers(views, inspect.isclass)
         if issubclass(view, views.View) and isinstance(vars(view).get("template"), str)]  # ItemView: its kind's
FRAMES = {"404.html"}  # page not found: no view of ours (each presentation's frame is in overrides/<presentation>/)


def test_every_page_template_has_one_view():
    templates = {path.name for path in (ROOT / "overrides").glob("*.html")} - FRAMES
    kinds = [kind.page.template for kind in KINDS if kind.page]  # views.ItemView's, one per partnership kind (kinds.py)
    assert sorted([view.template for view in VIEWS if not view.body] + kinds + ["frame.html"]) == sorted(templates)
    # pages written into the shared frame (hooks/framed_pages.py): one content partial each
    framed = [view for view in VIEWS if view.body]
    assert {view.template for view in framed} == {"frame.html", "embed.html"} and len({view.body for view in framed}) == len(framed)
    # the lists other sites frame have their own frame in each presentation (no header, footer nor navigation)
    assert all((ROOT / "overrides" / presentation / "embed.html").is_file() for presentation in ("etat", "neutre"))
    assert all((ROOT / "overrides" / name).is_file() for view in framed for name in (view.head, view.body) if name)


def test_templates_read_only_the_declared_globals():
    """Beyond its view, a template reads the names ssp/templating.py declares, each used somewhere;
    no template reads a site-wide object (the view of its page carries what it shows)."""
    from ssp.templating import BUILD_FILTERS, BUILD_GLOBALS, FILTERS, FRAME_CONTEXT, FUNCTIONS

    code = "\n".join(re.sub(r"\{#.*?#\}", "", path.read_text(encoding="utf-8"), flags=re.S)
                     for path in (ROOT / "overrides").rglob("*") if path.suffix in (".html", ".xml"))
    blocks = set(re.findall(r"\{%-?\s*block\s+(ssp_[a-z_]+)", code))
    used = set(re.findall(r"\b(ssp_[a-z_]+)\b", code)) - blocks
    declared = set(FUNCTIONS) | set(BUILD_GLOBALS) | set(FRAME_CONTEXT)
    assert used == declared
    filters = set(re.findall(r"\|\s*([a-z_]+)", code))
    assert set(FILTERS) | set(BUILD_FILTERS) <= filters  # each declared filter is used
    assert re.findall(r"\bssp\.[a-z_]+", code) == [], "passez la valeur par la vue de la page (hooks/ssp/views.py)"


@pytest.mark.parametrize(("today", "state", "label"), [
    (date(2026, 9, 30), "a-venir", "à venir"), (date(2026, 10, 1), "ouvert", "ouvert"),
    (date(2026, 10, 31), "ouvert", "ouvert"), (date(2026, 11, 1), "clos", "clos")])
def test_a_period_is_open_from_its_first_day_to_its_last(today, state, label):
    period = views.Period.on(date(2026, 10, 1), date(2026, 10, 31), today)
    assert (period.state, period.label) == (state, label)


def page_view(site, src_uri: str) -> views.View:
    return next(page.view for page in site.pages if page.src_uri == src_uri)


def test_an_event_view_pairs_each_occurrence_with_its_own_calendar_links(project):
    project.edition()
    project.event("deux-creneaux", front_matter(start=None, slots="\n  - start: 2017-11-21T09:00\n    end: '12:00'"
                                                                "\n  - start: 2017-11-22T14:00\n    end: '16:30'"))
    site = build_site(project.root, today=date(2017, 11, 22), site_url="https://ssp.example/")
    view = page_view(site, "2017/evenements/deux-creneaux.md")
    dates = [parse_qs(urlsplit(item.google).query)["dates"][0] for item in view.occurrences]
    assert [item.occurrence.index for item in view.occurrences] == [1, 2]
    assert dates == ["20171121T090000/20171121T120000", "20171122T140000/20171122T163000"]
    assert all(item.occurrence.start.isoformat()[:16] in item.outlook.replace("%3A", ":") for item in view.occurrences)
    assert view.over is False
    assert page_view(build_site(project.root, today=date(2017, 11, 23)), "2017/evenements/deux-creneaux.md").over is True


def test_a_call_view_links_a_laureate_to_its_sheet_only_when_the_sheet_is_published(project):
    shutil.copytree(ROOT / "tests/fixtures/gates/campaigns", project.root / "campaigns", dirs_exist_ok=True)
    sheet = project.root / "campaigns/partenariat/fiches/fiche-de-test.yml"

    def laureates(preview: bool = False) -> list:
        view = page_view(build_site(project.root, today=date(2030, 6, 30), preview=preview), "2030/appels-a-projets/appel-test.md")
        assert view.period == views.Period(date(2030, 6, 1), date(2030, 6, 30), "ouvert")
        return [(laureate.project, linked) for laureate, linked in view.laureates]

    assert laureates() == [("Projet lauréat de test", True), ("Autre lauréat sans fiche", False)]
    sheet.write_text(sheet.read_text(encoding="utf-8") + "draft: true\n", encoding="utf-8")
    assert laureates() == [("Projet lauréat de test", False), ("Autre lauréat sans fiche", False)]  # its page is not published
    assert laureates(preview=True)[0] == ("Projet lauréat de test", True)  # the preview shows the draft sheet


def test_every_status_but_scheduled_has_a_badge_colour():
    """A status without its colour would stop a page's template (a traceback, no French message) and write
    « fr-badge--undefined » in the listing's cards: the badges are read from vocab.STATUS_BADGES."""
    assert set(STATUS_BADGES) == set(STATUSES) - {"scheduled"}
    assert LABELS["status_badges"] is STATUS_BADGES  # the listing's script reads the same colours
    assert status_badge("cancelled") == "ssp-status ssp-status--cancelled fr-badge fr-badge--sm fr-badge--error"
