"""Every validation rule gives a French message with the file, the line and the field."""

from __future__ import annotations

import pytest

from helpers import EDITION_2017, EVENT, front_matter

PATH = "campaigns/2017/events/x.md"


def only_problem(project, text, slug="x"):
    project.edition()
    project.event(slug, text)
    [problem] = project.problems()
    return problem


def test_the_documented_example_message(project):
    problem = only_problem(project, front_matter(start="2017-11-31"))
    assert str(problem) == (f"{PATH}:{problem.line}: start : la date « 2017-11-31 » n'existe pas "
                            "(attendu AAAA-MM-JJ ou AAAA-MM-JJTHH:MM)")
    assert problem.line == 8


def test_a_valid_event_loads(project):
    project.edition()
    project.event("x")
    [edition] = project.load()
    [event] = edition.events
    assert (event.meta.title, event.meta.type, event.meta.region, event.url) == (
        "Portes ouvertes", "portes-ouvertes", "Hauts-de-France", "2017/evenements/x/")
    assert event.description_html == "<p>Description.</p>"


def test_unknown_key_suggests_the_closest(project):
    problem = only_problem(project, EVENT.replace("organizer:", "organiser:"))
    assert (problem.line, problem.field) == (5, "organiser")
    assert "vouliez-vous dire « organizer » ?" in problem.message


def test_unknown_nested_key_suggests_from_the_nested_model(project):
    problem = only_problem(project, EVENT.replace("  city: Dechy", "  city: Dechy\n  postcode: '59187'"))
    assert problem.field == "venue.postcode"
    assert "« postal_code »" in problem.message


def test_missing_required_field(project):
    problem = only_problem(project, front_matter(organizer=None))
    assert (problem.field, problem.message) == ("organizer", "champ obligatoire manquant")


@pytest.mark.parametrize("venue, said", [
    ("\n  city: Dechy", "(Dechy est en Hauts-de-France)"),  # the one Dechy
    ("\n  city: Saint-Denis\n  postal_code: '97400'", "(Saint-Denis est en La Réunion)"),
    ("\n  city: Saint-Denis", "(par exemple Occitanie)"),  # four Saint-Denis, in three regions
])
def test_a_missing_region_is_named_when_the_place_says_it(project, venue, said):
    problem = only_problem(project, front_matter(region=None, venue=venue))
    assert (problem.field, problem.message) == ("region", "champ obligatoire manquant : la région du lieu " + said)


def test_end_before_start(project):
    problem = only_problem(project, front_matter(start="2017-11-24T14:00", end="2017-11-24T12:00"))
    assert problem.field == "end"
    assert problem.line == 9
    assert "doit être après le début" in problem.message


def test_slots_with_start_is_refused(project):
    problem = only_problem(project, front_matter(slots="\n  - start: 2017-11-24T10:00"))
    assert problem.field == "slots"
    assert "gardez l'un ou l'autre" in problem.message


def test_unknown_type_suggests(project):
    problem = only_problem(project, front_matter(type="porte-ouverte"))
    assert problem.field == "type"
    assert "« portes-ouvertes »" in problem.message and "colloque" in problem.message


@pytest.mark.parametrize("written", ["ile de france", "ÎLE-DE-FRANCE", "Ile-de-France"])
def test_region_forgives_accents_and_case(project, written):
    project.edition()
    project.event("x", front_matter(region=f"'{written}'", venue="\n  city: Paris\n  postal_code: '75013'"))
    assert project.load()[0].events[0].meta.region == "Île-de-France"


def test_unknown_region(project):
    problem = only_problem(project, front_matter(region="Picardie"))
    assert problem.field == "region"
    assert "région « Picardie » inconnue" in problem.message


def test_a_relative_link_in_a_description_is_refused_at_its_line_in_the_file(project):
    text = front_matter() + "Venez nombreux.\n\nLe programme : [ici](programme.pdf).\n"
    problem = only_problem(project, text)
    assert (problem.path, problem.line) == (PATH, text.splitlines().index("Le programme : [ici](programme.pdf).") + 1)
    assert problem.message.startswith("lien « programme.pdf » : écrivez une adresse complète")


def test_every_problem_of_a_description_is_listed_each_at_its_lines_in_the_file(project):
    """A page of Word pasted as HTML: every problem in one run (before: the first, then one run per problem)."""
    text = front_matter() + ('<p class="MsoNormal">Venez nombreux.<o:p></o:p></p>\n\n<p class="MsoNormal">Programme<o:p></o:p></p>\n\n'
                             "Le programme : [ici](programme.pdf).\n")
    project.edition()
    project.event("x", text)
    lines = text.splitlines()
    first, second, link = (lines.index(line) + 1 for line in lines if line.startswith(("<p", "Le programme")))
    assert [(problem.path, problem.line, problem.message.split(" :")[0]) for problem in project.problems()] == [
        (PATH, first, "attribut « class » de <p> non pris en charge"),
        (PATH, first, "balise <o:p> inconnue du site"),
        (PATH, link, "lien « programme.pdf »")]
    assert all(problem.message.endswith(f"(lignes {first} et {second})") for problem in project.problems()[:2])


def test_a_header_s_problems_and_its_text_s_are_said_in_the_same_run(project):
    text = front_matter(start="2017-11-31") + "Le programme : [ici](programme.pdf).\n"
    project.edition()
    project.event("x", text)
    assert [(problem.field, problem.line) for problem in project.problems()] == [
        ("start", text.splitlines().index("start: 2017-11-31") + 1), ("", text.splitlines().index("Le programme : [ici](programme.pdf).") + 1)]


def test_every_problem_of_a_markdown_field_is_said_with_its_lines_in_the_text(project):
    project.edition(text=EDITION_2017 + 'summary: "Bienvenue.\\n\\n<span style=\\"color:red\\">Complet</span> ![a](a.png)"\n')
    [problem] = project.problems()
    assert problem.field == "summary"
    assert problem.message.startswith("attribut « style » de <span> non pris en charge : le site le retirerait ; retirez-le "
                                      "(pour mettre en valeur, écrivez **gras**) (ligne 3 du texte) ; autre problème du texte : "
                                      "image « a.png » : un texte du site ne montre pas d'image")


def test_region_must_match_the_postal_code(project):
    problem = only_problem(project, front_matter(region="Occitanie", venue="\n  city: Dechy\n  postal_code: '59187'"))
    assert problem.field == "region"
    assert problem.message == "le code postal 59187 est en Hauts-de-France, pas en Occitanie"


@pytest.mark.parametrize("venue, region, said", [
    ("Dechy", "Occitanie", "la commune « Dechy » est en Hauts-de-France, pas en Occitanie"),
    ("Saint-Denis", "Bretagne", "les communes « Saint-Denis » sont en Île-de-France, La Réunion ou Occitanie, pas en Bretagne"),
])
def test_without_a_postal_code_the_region_must_hold_a_commune_of_the_town_s_name(project, venue, region, said):
    """An action in the wrong region would be listed under it: « Dechy », Occitanie was taken as it was."""
    problem = only_problem(project, front_matter(region=region, venue=f"\n  city: {venue}"))
    assert (problem.field, problem.message) == ("region", said + " : corrigez la région ou la commune (ou écrivez le code postal)")


def test_a_town_the_official_list_lacks_is_not_judged_and_a_wrong_region_is_said_with_the_other_problems(project):
    project.edition()
    project.event("a", front_matter(title="A", region="Occitanie", venue="\n  city: Zzyzx"))
    project.event("b", front_matter(title="B", region="Occitanie", organizer=None))  # in Dechy: two problems at once
    assert sorted((problem.path.split("/")[-1], problem.field) for problem in project.problems()) == [
        ("b.md", "organizer"), ("b.md", "region")]


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://example.org/x", "data:text/html,x", "www.example.org"])
def test_only_web_urls(project, url):
    problem = only_problem(project, front_matter(online_url=f"'{url}'"))
    assert problem.field == "online_url"
    assert "http:// ou https://" in problem.message


def test_registration_is_a_safe_link_or_text(project):
    project.edition()
    project.event("a", front_matter(title="A", registration="'mailto:accueil@example.org'"))
    project.event("b", front_matter(title="B", registration="Entrée libre, sans inscription"))
    project.event("c", front_matter(title="C", registration="javascript:alert(1)"))
    [problem] = project.problems()
    assert (problem.path, problem.field) == ("campaigns/2017/events/c.md", "registration")


def test_events_folder_without_edition(project):
    project.event("x")
    [problem] = project.problems()
    assert problem.path == "campaigns/2017/edition.yml"
    assert "edition.yml" in problem.message


def test_every_problem_of_every_file_in_one_run(project):
    project.edition(text=EDITION_2017.replace("theme:", "theme_:"))
    project.event("a", front_matter(type="atelie"))
    project.event("b", front_matter(start="24/11/2017", region="Nowhere"))
    project.write("campaigns/2017/events/c.md", "no front matter\n")
    problems = project.problems()
    assert [(p.path.split("/")[-1], p.field) for p in problems] == [
        ("edition.yml", "theme_"),
        ("a.md", "type"), ("b.md", "start"), ("b.md", "region"), ("c.md", "")]
    assert all(p.line >= 1 for p in problems)


def test_file_names_must_be_slugs(project):
    problem = only_problem(project, EVENT, slug="Portes Ouvertes")
    assert "« portes-ouvertes.md »" in problem.message


def test_year_must_match_the_folder(project):
    project.edition(2018)
    project.write("campaigns/2018/edition.yml", EDITION_2017)
    [problem] = project.problems()
    assert problem.field == "year" and problem.line == 1


def test_edition_dates(project):
    project.edition(text=EDITION_2017.replace("end: 2017-11-24", "end: 2017-11-19"))
    [problem] = project.problems()
    assert (problem.field, problem.line) == ("end", 5)


def test_an_edition_whose_year_and_dates_disagree_says_which_fields_to_check(project):
    project.edition(text=EDITION_2017.replace("year: 2017", "year: 2018"))  # the year mistyped, the dates right
    [problem] = project.problems()
    assert problem.field == "start"
    assert problem.message == "l'édition 2018 ne peut pas commencer en 2017 : corrigez l'année de « year » ou celle de « start »"


def test_lists_accept_a_single_value_and_check_items(project):
    project.edition()
    project.event("a", front_matter(audience="patients"))
    project.event("b", front_matter(audience="[patients, journalistes]"))
    [problem] = project.problems()
    assert problem.field == "audience.2"
    assert "journalistes" in problem.message


def test_codes_written_on_one_line_between_commas_are_a_list(project):
    """« audience: patients, proches », as one writes it: the codes, not one unknown value; a text list (speakers) keeps its commas."""
    project.edition()
    project.event("a", front_matter(audience="patients, proches", accessibility="moteur,auditif"))
    [event] = project.load()[0].events
    assert (event.meta.audience, event.meta.accessibility) == (["patients", "proches"], ["moteur", "auditif"])


def test_a_place_names_its_departement_but_for_a_town_of_its_name(project):
    """« Dechy (Nord) », « Saint-Denis (La Réunion) », but « Paris », not « Paris (Paris) »: on a card, a page, a share picture."""
    from ssp.exports.shareimage import when_and_where

    project.edition()
    for slug, city, code, region in [("a", "Dechy", "59187", "Hauts-de-France"), ("b", "Paris", "75013", "Île-de-France"),
                                     ("c", "Saint-Denis", "97400", "La Réunion")]:
        project.event(slug, front_matter(venue=f"\n  name: Hall\n  city: {city}\n  postal_code: \"{code}\"", region=region))
    events = {event.slug: event for event in project.load()[0].events}
    assert [events[slug].place for slug in "abc"] == ["Hall, Dechy (Nord)", "Hall, Paris", "Hall, Saint-Denis (La Réunion)"]
    assert [when_and_where(events[slug])[1] for slug in "abc"] == ["Dechy (Nord)", "Paris", "Saint-Denis (La Réunion)"]


def test_wrong_shapes_are_explained(project):
    project.edition()
    project.event("a", front_matter(title="[a, b]"))
    project.event("b", front_matter(venue="Dechy"))
    problems = project.problems()
    assert [p.field for p in problems] == ["title", "venue"]
    assert "un texte est attendu" in problems[0].message
    assert "des champs sont attendus" in problems[1].message


def test_online_event_needs_no_venue_but_needs_a_link(project):
    project.edition()
    project.event("a", front_matter(venue=None, region=None, online_url="https://example.org/webinaire"))
    project.event("b", front_matter(venue=None, region=None))
    [problem] = project.problems()
    assert (problem.path.endswith("b.md"), problem.field) == (True, "venue")


@pytest.mark.parametrize("field, value", [("start", "[2017-11-24]"), ("region", "[Occitanie]"), ("status", "[full]"),
                                          ("online_url", "[https://example.org]")])
def test_a_list_where_one_value_is_expected(project, field, value):
    problem = only_problem(project, front_matter(**{field: value}))
    assert (problem.field, problem.message) == (field, "une seule valeur est attendue ici, pas une liste ni des sous-champs")


def test_years_stay_in_the_campaign_range(project):
    problem = only_problem(project, front_matter(start="9999-12-31T23:59", region="Guadeloupe",
                                                 venue="\n  city: Pointe-à-Pitre\n  postal_code: '97110'"))
    assert problem.message == "« 9999-12-31 » : l'année doit être entre 2000 et 2100"


def test_a_theme_written_between_guillemets_is_stored_without_them(project):
    project.edition(text=EDITION_2017.replace('theme: "Usagers, soignants : partenaires pour la sécurité des patients"',
                                              "theme: « Usagers, soignants »"))
    assert project.load()[0].meta.theme == "Usagers, soignants"
    project.edition(text=EDITION_2017.replace('theme: "Usagers, soignants : partenaires pour la sécurité des patients"',
                                              "theme: « A » et « B »"))
    assert project.load()[0].meta.theme == "« A » et « B »"  # two quotations, not an enclosing pair


@pytest.mark.parametrize("written, kept", [
    ("https://example.org/inscription", "https://example.org/inscription"),
    ("HTTP://example.org", "HTTP://example.org"),
    ("mailto:accueil@example.org", "mailto:accueil@example.org"),
    ("tel:+33320445962", "tel:+33320445962"),
    ("Entrée libre", "Entrée libre"),
    ("Inscription sur https://example.org", "Inscription sur https://example.org"),  # a text that names an address
])
def test_registration_values_pinned(written, kept):
    from ssp.fields import is_link, parse_registration

    assert parse_registration(written) == kept
    assert is_link(kept) == (" " not in kept and kept != "Entrée libre")
    assert not is_link("https://example.org/a b")


@pytest.mark.parametrize("written, message", [
    ("javascript:alert(1)", "adresse « javascript:alert(1) » refusée : seules les adresses commençant par http:// ou "
                            "https:// ou mailto: ou tel: sont acceptées"),
    ("ftp://example.org/f", "adresse « ftp://example.org/f » refusée : seules les adresses commençant par http:// ou "
                            "https:// ou mailto: ou tel: sont acceptées"),
    ("https://example.org/a b", "« https://example.org/a b » commence par une adresse mais contient une espace : "
                                "écrivez seulement l'adresse (une espace dans une adresse s'écrit %20), ou un texte sans adresse"),
    ("https:", "adresse « https: » refusée : seules les adresses commençant par http:// ou https:// ou mailto: ou "
               "tel: sont acceptées"),
])
def test_registration_refusals_pinned(written, message):
    from ssp.fields import parse_registration

    with pytest.raises(Exception) as raised:
        parse_registration(written)
    assert str(raised.value) == message or message in str(raised.value)


@pytest.mark.parametrize("size, shown", [(0, "0 octets"), (1023, "1023 octets"), (1024, "1 Ko"), (1627, "1,6 Ko"),
                                         (10 * 1024, "10 Ko"), (1024 * 1024 - 1, "1 Mo"), (1_258_291, "1,2 Mo"),
                                         (50_000_000, "48 Mo"), (3 * 1024 ** 3, "3 Go"), (5 * 1024 ** 4, "5 120 Go")])
def test_file_sizes_as_file_explorers_show_them(size, shown):
    from ssp.frenchnumbers import file_size

    assert file_size(size).replace("\u202f", " ").replace("\xa0", " ") == shown


@pytest.mark.parametrize("key", ["'[key]'", "1", "[a, b]"])
def test_a_key_that_is_not_a_name_is_explained(project, key):
    # Found by the fuzz gate: a key named « [key] » (pydantic's own name for a bad key) crashed the message writer.
    project.edition()
    project.event("x", "---\n" + f"{key}: []\n" + front_matter().removeprefix("---\n"))
    problems = project.problems()
    assert problems and all(problem.path == "campaigns/2017/events/x.md" for problem in problems)
