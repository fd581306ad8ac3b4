"""The suite runs on the engine it names: ProperDocs by default, MkDocs 1.6.1 with `make test-mkdocs`."""

from __future__ import annotations

import re

from builds import ENGINE


def test_the_site_is_built_by_the_engine_the_suite_names(real_site):
    html = (real_site.site / "index.html").read_text(encoding="utf-8")
    generator = re.search(r'<meta name="generator" content="([^"]*)"', html).group(1)
    # Material writes « mkdocs-<version> »: 1.6.1 under MkDocs, « ProperDocs 1.6.7 » under ProperDocs.
    assert ("ProperDocs" in generator) == (ENGINE == "properdocs"), generator
