"""An action carried over with `ssp reconduire` says on its page that it was already held, and links there."""

from __future__ import annotations

from builds import build
from helpers import front_matter, ssp, typeset


def test_the_carried_action_says_it_was_already_held_and_links_to_last_years_page(fixture_project):
    project = fixture_project
    project.edition(2017)
    project.edition(2018, "year: 2018\ntheme: \"Thème\"\nstart: 2018-11-26\nend: 2018-11-30\n")
    project.event("portes-ouvertes", front_matter(start="2017-11-24T14:00", end="17:00"))
    project.event("stand", front_matter(title="Stand", type="stand", draft="true"))
    for action in ("portes-ouvertes", "stand"):
        carried = ssp(project, "reconduire", f"campaigns/2017/events/{action}.md", "--edition", "2018")
        assert carried.returncode == 0, carried.stderr
    built = build(project.root)
    assert built.result.returncode == 0, built.result.stderr
    page = built.html("2018/evenements/portes-ouvertes/index.html")
    said = page.select_one(".ssp-carried")
    assert said.get_text(" ", strip=True) == typeset("Action déjà organisée en 2017 : sa page de l'édition 2017 .")
    assert said.a["href"] == "../../../2017/evenements/portes-ouvertes/"
    assert (built.site / "2017/evenements/portes-ouvertes/index.html").is_file()
    assert typeset("vendredi 30 novembre 2018") in page.select_one(".ssp-details").get_text(" ", strip=True)
    # last year's was a draft, never published: said without a link to a missing page
    stand = built.html("2018/evenements/stand/index.html").select_one(".ssp-carried")
    assert stand.get_text(" ", strip=True) == "Action déjà organisée en 2017." and stand.a is None
