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
