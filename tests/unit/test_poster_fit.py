"""How much a printed poster's text shrinks to say everything above its code (ssp.poster.fit)."""

from __future__ import annotations

from helpers import EVENT

LONG = """---
title: Journée portes ouvertes du service de maternité et de néonatologie sur la sécurité du nouveau-né et l'identitovigilance
type: portes-ouvertes
slots:
  - start: 2017-11-20T09:00
    end: "12:00"
  - start: 2017-11-21T14:00
    end: "16:30"
  - start: 2017-11-22T09:30
    end: "11:30"
  - start: 2017-11-23T14:00
    end: "17:00"
time_note: Accueil des visiteurs par groupes de dix personnes toutes les demi-heures
organizer: Centre hospitalier intercommunal de test, pôle femme-mère-enfant
venue:
  name: Hall principal du bâtiment de la maternité, niveau 0
  address: 12 avenue du Professeur Jean-Baptiste Exemple
  postal_code: "59500"
  city: Douai
region: Hauts-de-France
audience: [patients, proches, professionnels, grand-public]
registration: https://example.org/inscription-portes-ouvertes-maternite
accessibility: [moteur, auditif, visuel]
---
Texte.
"""


def fits(project) -> dict[str, dict[str, int]]:
    from ssp.poster import fit

    [edition] = project.load()
    return {event.slug: {presentation: fit(event, edition, event.occurrences[:6], 0, presentation)
                         for presentation in ("etat", "neutre")} for event in edition.events}


def test_a_short_poster_keeps_its_sizes_a_long_one_shrinks_to_say_everything(project):
    project.edition()
    project.event("courte", EVENT)
    project.event("longue", LONG)
    found = fits(project)
    assert found["courte"] == {"etat": 100, "neutre": 100}
    # 60 %: measured in Chromium, its last line (« Inscription : … ») fits at 70 % in the DSFR's Marianne, at 60 % in
    # DejaVu Sans; at 100 % it was cut after the second session, with neither place, organiser nor registration
    assert found["longue"] == {"etat": 60, "neutre": 60}


MARTINIQUE = """---
title: "Exposition sur la prévention des chutes n° 1334"
type: exposition
start: 2017-11-20T15:00
end: "17:00"
organizer: "Clinique de Fort-de-France"
venue:
  name: "Clinique de Fort-de-France"
  postal_code: "97200"
  city: "Fort-de-France"
region: "Martinique"
audience: [usagers, patients]
---
Texte.
"""


def test_a_title_is_counted_in_the_lines_chromium_wraps_it_in():
    """Its words wrapped whole: a 47-character title counted on 2 lines by a rule of thumb (1.08 times its width)
    took 3 in Chromium, and « Entrée libre » was cut from the sheet (12 of 300 posters of a 2,000-action edition)."""
    from ssp.poster import CHAR, SLACK, TEXT_WIDTH
    from ssp.poster import lines as poster_lines
    from ssp.text import french_spaced

    def lines(text: str, room: float) -> int:
        return poster_lines(french_spaced(text).split(" "), room)

    room = TEXT_WIDTH / (CHAR["etat"] * 14.1 * SLACK)
    assert lines("Exposition sur la prévention des chutes n° 1334", room) == 3  # « … chutes / n° 1334 »: joined as on the page
    assert lines("a b", 3) == 1 and lines("aa bb", 3) == 2 and lines("https://exemple.fr/tres/long", 10) == 3 and lines("", 5) == 1


def test_a_poster_whose_title_takes_one_more_line_shrinks(project):
    project.edition()
    project.event("martinique", MARTINIQUE)
    assert fits(project)["martinique"] == {"etat": 90, "neutre": 80}
