"""The two presentations of one site, chosen by extra.presentation: « etat » (the State design system,
DSFR, the default) and « neutre » (Material, for publishers outside the State)."""

from __future__ import annotations

import re

from fontTools.ttLib import TTFont

from builds import build
from helpers import EDITION_2017, ROOT, readers_pages, typeset

STATE_LINKS = ["info.gouv.fr", "service-public.gouv.fr", "legifrance.gouv.fr", "data.gouv.fr"]


def set_brand(project, lines: list[str]) -> None:
    config = project.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    start, end = text.index("    lines:\n"), text.index("    service:")
    config.write_text(text[:start] + "    lines:\n" + "".join(f'      - "{line}"\n' for line in lines) + text[end:], encoding="utf-8")


def test_the_default_presentation_is_the_state_design_system(real_site):
    home = real_site.html("index.html")
    assert home.html["data-fr-scheme"] == "system" and home.html["lang"] == "fr"
    sheets = [link["href"] for link in home.select("link[rel=stylesheet]")]
    assert sheets[0].endswith("dsfr/dsfr.site.min.css") and not any("main." in sheet and "assets/stylesheets" in sheet for sheet in sheets)
    # the header: bloc-marque (placeholder until the publisher fills it), service name and tagline, search, navigation
    header = home.select_one("header.fr-header")
    assert header.select_one(".fr-logo").get_text(" ", strip=True).startswith("[à renseigner")
    assert header.select_one(".fr-header__service-title").get_text(strip=True) == "Semaine de la sécurité des patients"
    assert header.select_one("form.fr-search-bar")["action"].endswith("recherche/")
    assert [link.get_text(strip=True) for link in header.select(".fr-nav__link")] == [
        "Accueil", "Éditions", "Appels à projets", "Ressources", "Partenariat en santé", "Données ouvertes"]
    assert header.select_one(".fr-nav__link[aria-current=page]").get_text(strip=True) == "Accueil"
    # the footer: the State's links and its bottom line
    footer = home.select_one("footer.fr-footer")
    assert [link.get_text(strip=True) for link in footer.select(".fr-footer__content-link")] == STATE_LINKS
    bottom = [item.get_text(" ", strip=True) for item in footer.select(".fr-footer__bottom-item")]
    assert bottom == ["Plan du site", typeset("Accessibilité : non conforme"), "Mentions légales", "Données personnelles",
                      typeset("Gestion des cookies : ce site n'en dépose aucun"), "Paramètres d'affichage"]
    assert "licence etalab-2.0" in footer.select_one(".fr-footer__bottom-copy").get_text(" ")
    # the display settings: light, dark, system
    assert [radio["value"] for radio in home.select("#parametres-affichage input[name=fr-radios-theme]")] == ["light", "dark", "system"]
    assert home.select_one(".fr-skiplinks a")["href"] == "#contenu" and home.select_one("main#contenu")


def test_the_state_presentation_serves_the_dsfr_itself(real_site):
    dsfr = real_site.site / "dsfr"
    stylesheet = (dsfr / "dsfr.site.min.css").read_text(encoding="utf-8")
    named = set(re.findall(r"""url\(["']?(?!data:)([^"')?#]+)""", stylesheet))
    assert named and all((dsfr / path).is_file() for path in named)  # every font and icon it names
    assert (dsfr / "fonts/Marianne-Regular.woff2").is_file() and (dsfr / "dsfr.module.min.js").is_file()
    assert "Etalab" in (dsfr / "LICENCE.txt").read_text(encoding="utf-8")  # its licence, beside it
    assert not list(dsfr.rglob("*.map")) and not (dsfr / "component").exists()  # nothing the pages do not use
    assert sum(path.stat().st_size for path in dsfr.rglob("*") if path.is_file()) < 4_000_000
    assert not (real_site.site / "assets/javascripts/bundle.js").exists() and not list(real_site.site.glob("assets/stylesheets/main.*"))


def test_every_script_is_asked_for_in_the_head_and_run_once_the_page_is_read(real_site):
    """Found by the browser at once (not behind the page's pictures), none holds the page up."""
    for page in readers_pages(real_site.site):
        soup = real_site.html(str(page.relative_to(real_site.site)))
        scripts = soup.select("script[src]")
        assert scripts and all(script.find_parent("head") for script in scripts), page
        assert all(script.has_attr("defer") or script.has_attr("async") or script.get("type") == "module" for script in scripts), page


def test_marianne_is_published_cut_to_french_text(real_site):
    package = ROOT / "tools/dsfr/node_modules/@gouvfr/dsfr/dist/fonts"
    for weight in ("Regular", "Bold", "Medium", "Regular_Italic"):
        published = real_site.site / f"dsfr/fonts/Marianne-{weight}.woff2"
        assert published.stat().st_size < 0.4 * (package / published.name).stat().st_size
        font = TTFont(published)
        assert font.flavor == "woff2" and font["name"].getDebugName(1).startswith("Marianne")
        drawn = set(font.getBestCmap())
        assert set(map(ord, "Sécurité des patients : « Œuvrer ensemble » – 1\u202f000 € ’…àâçèêëîïôùûüÿÀÉÈÇ")) <= drawn
        assert ord("ł") not in drawn  # outside French text: drawn by the next font of the stack


def test_an_event_page_is_drawn_in_dsfr_components(real_site):
    page = real_site.html("2017/evenements/portes-ouvertes-maternite-douai/index.html")
    crumbs = page.select(".fr-breadcrumb .fr-breadcrumb__link")
    assert [crumb.get_text(strip=True) for crumb in crumbs[:3]] == ["Accueil", "Édition 2017", "Les actions"]
    assert crumbs[-1]["aria-current"] == "page" and page.select_one("main h1")
    listing = real_site.html("2017/evenements/index.html")
    card = listing.select_one("li.ssp-card")
    assert {"fr-card", "fr-enlarge-link"} <= set(card["class"]) and card.select_one(".fr-card__title a")


def test_an_edition_shows_its_part_of_its_actions_trail(real_site):
    """Accueil › Édition 2017 › Les actions › the action: the edition shows its own part of the trail,
    the last step being the page itself. (The list of actions has none: on a phone its first results
    must stand on the first screen, test_filters.py.)"""
    def trail(path: str) -> list[str]:
        return [crumb.get_text(strip=True) for crumb in real_site.html(path).select(".fr-breadcrumb .fr-breadcrumb__link")]

    event = trail("2017/evenements/portes-ouvertes-maternite-douai/index.html")
    assert event[:3] == ["Accueil", "Édition 2017", "Les actions"]
    assert trail("2017/index.html") == event[:2]


FIRST_LEVEL = {"editions": "Toutes les éditions", "appels-a-projets": "Appels à projets", "donnees-ouvertes": "Données ouvertes",
               "partenariat": "Partenariat en santé", "ressources": "Ressources officielles", "plan-du-site": "Plan du site",
               "recherche": "Rechercher dans le site", "mentions-legales": "Mentions légales", "accessibilite": "Accessibilité",
               "contacts/ars-occitanie": "Agence régionale de santé Occitanie"}


def test_every_page_but_the_home_page_says_where_it_stands_and_its_tab_what_it_is(presented_site):
    """A reader landing from a search engine on « Ressources officielles » or a legal page had no trail back,
    where an edition's page had « Accueil › Édition 2017 »; the home page and the page not found have none."""
    built, _ = presented_site
    for path, title in FIRST_LEVEL.items():
        crumbs = built.html(f"{path}/index.html").select(".ssp-breadcrumb a")
        assert [crumb.get_text(strip=True) for crumb in crumbs] == ["Accueil", title], path
        assert crumbs[-1]["aria-current"] == "page" and crumbs[-1]["href"] == "./"
    assert not built.html("index.html").select(".ssp-breadcrumb") and not built.html("404.html").select(".ssp-breadcrumb")
    # the tab of a page not found says so (a screen reader reads it first), not the site's name alone
    assert built.html("404.html").title.get_text() == "Page introuvable - Semaine de la sécurité des patients"
    # the site's name said once: an edition's title holds it already
    assert built.html("2017/index.html").title.get_text() == "Semaine de la sécurité des patients 2017"
    assert built.html("2017/bilan/index.html").title.get_text() == "Bilan de l'édition 2017 - Semaine de la sécurité des patients"
    # the page's own title, as its heading says it, not its menu's label (« Ressources »), in both presentations
    assert built.html("ressources/index.html").title.get_text() == "Ressources officielles - Semaine de la sécurité des patients"
    assert built.html("index.html").title.get_text() == "Semaine de la sécurité des patients"


def test_the_site_map_lists_every_edition_and_section(real_site):
    sitemap = real_site.html("plan-du-site/index.html")
    links = {link.get_text(strip=True) for link in sitemap.select("article a")}
    years = {path.name for path in (ROOT / "campaigns").iterdir() if path.name.isdigit()}
    assert {f"Édition {year}" for year in years} <= links
    assert {"Ressources officielles", "Partenariat en santé", "Données ouvertes", "Accessibilité", "Mentions légales"} <= links
    # as of 2023-11-14, an edition over without actions (2019) leads to no empty list; 2017's and 2025's (to come) do
    listings = {link["href"] for link in sitemap.select("article a") if link.get_text(strip=True) == "Les actions"}
    assert {"../2017/evenements/", "../2025/evenements/"} <= listings and "../2019/evenements/" not in listings
    edition_2019 = next(item for item in sitemap.select(".ssp-sitemap li") if item.a.get_text(strip=True) == "Édition 2019")
    assert not edition_2019.select("ul")  # nor an empty list of its pages


def test_the_brand_lines_come_from_mkdocs_yml(fixture_project):
    fixture_project.edition(text=EDITION_2017)
    set_brand(fixture_project, ["Ministère", "de la santé", "et de l'accès aux soins"])
    built = build(fixture_project.root)
    assert built.result.returncode == 0, built.result.stderr
    for logo in built.html("index.html").select(".fr-logo"):  # header and footer
        assert [line.strip() for line in logo.get_text("|").split("|")] == ["Ministère", "de la santé", "et de l'accès aux soins"]


def test_the_neutral_presentation_is_material_without_any_state_mark(fixture_project):
    fixture_project.edition(text=EDITION_2017)
    built = build(fixture_project.root, SSP_PRESENTATION="neutre")
    assert built.result.returncode == 0, built.result.stderr
    home = built.html("index.html")
    assert home.select_one("header.md-header") and not home.select_one(".fr-header, .fr-footer, .fr-logo")
    assert not (built.site / "dsfr").exists()
    published = " ".join(path.read_text(encoding="utf-8", errors="ignore") for path in built.site.rglob("*")
                         if path.is_file() and path.suffix in (".html", ".css", ".js"))
    assert "Marianne" not in published and "dsfr/" not in published
    assert "République française" not in published
    # the same content from the shared templates, and the footer's legal links
    assert built.html("2017/index.html").select_one(".ssp-edition__theme")
    assert typeset("Accessibilité : non conforme") in home.select_one("footer .ssp-legal").get_text(" ")


def test_an_unknown_presentation_stops_the_build_in_french(fixture_project):
    fixture_project.edition(text=EDITION_2017)
    built = build(fixture_project.root, SSP_PRESENTATION="dsfr")
    assert built.result.returncode != 0 and not built.site.exists()
    assert "extra.presentation : « dsfr » n'est pas une présentation du site" in built.result.stderr
    assert "« etat »" in built.result.stderr and "« neutre »" in built.result.stderr and "Traceback" not in built.result.stderr


def test_a_missing_dsfr_package_is_told_with_the_command_that_installs_it(fixture_project):
    fixture_project.edition(text=EDITION_2017)
    (fixture_project.root / "tools" / "dsfr").unlink()  # a link to the project's installed package (tests/builds.py)
    built = build(fixture_project.root)
    assert built.result.returncode != 0 and not built.site.exists()
    assert "make build" in built.result.stderr and "presentation: neutre" in built.result.stderr
    assert "Traceback" not in built.result.stderr


def test_a_brand_left_empty_stops_the_build_in_french(fixture_project):
    fixture_project.edition(text=EDITION_2017)
    set_brand(fixture_project, [])
    built = build(fixture_project.root)
    assert built.result.returncode != 0 and not built.site.exists()
    assert "mkdocs.yml, extra.brand : le bloc-marque de l'État demande « lines »" in built.result.stderr
    assert "Traceback" not in built.result.stderr
