"""The suite runs on the engine it names: ProperDocs by default, MkDocs 1.6.1 with `make test-mkdocs`."""

from __future__ import annotations

import re

from builds import ENGINE, build, site_project


def test_the_site_is_built_by_the_engine_the_suite_names(real_site):
    html = (real_site.site / "index.html").read_text(encoding="utf-8")
    generator = re.search(r'<meta name="generator" content="([^"]*)"', html).group(1)
    # Material writes « mkdocs-<version> »: 1.6.1 under MkDocs, « ProperDocs 1.6.7 » under ProperDocs.
    assert ("ProperDocs" in generator) == (ENGINE == "properdocs"), generator


def test_a_build_forked_by_the_suite_is_the_one_a_new_interpreter_makes(tmp_path):
    """builds.build forks its builds from a server where the engine is imported (forked.py): the same site, messages
    and exit code as the engine's command started anew, for a site that builds and for one that stops on its content."""
    for name, broken in (("valide", False), ("erreur", True)):
        made = {}
        for how in ("forked", "new"):
            root = site_project(tmp_path / name / how).root
            if broken:
                (root / "campaigns" / "2017" / "events" / "x.md").write_text("---\ntitle: X\nstart: 2017-11-31\n---\n", encoding="utf-8")
            result = build(root, new_interpreter=how == "new").result
            files = {path.relative_to(root / "site"): path.read_bytes() for path in (root / "site").rglob("*") if path.is_file()}
            said = [re.sub(r"\d+\.\d+ seconds", "", text.replace(str(root), "<projet>")) for text in (result.stdout, result.stderr)]
            made[how] = (result.returncode, *said, files)
        assert made["forked"][:3] == made["new"][:3]
        assert made["forked"][3].keys() == made["new"][3].keys()
        assert made["forked"][3] == made["new"][3]
        assert (made["new"][0] != 0) == broken and (len(made["new"][3]) > 100) != broken
