"""Gate 3: no broken internal link or anchor when the site is served from /ssp/ (lychee, offline)."""

from __future__ import annotations

from checks import broken_links


def test_no_broken_internal_link(gates_site, tmp_path):
    built, _ = gates_site
    assert broken_links(built.site, tmp_path) == []


def test_gate_catches_broken_links_and_anchors(broken_site, tmp_path):
    built, _ = broken_site
    failures = "\n".join(broken_links(built.site, tmp_path))
    assert "introuvable.png" in failures
    assert "page-absente" in failures
    assert "#ancre-absente" in failures
