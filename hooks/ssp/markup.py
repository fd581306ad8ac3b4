"""Markdown written by editors → safe HTML (content is untrusted)."""

from __future__ import annotations

import markdown
import nh3

URL_SCHEMES = {"http", "https", "mailto", "tel"}
# Descriptions sit under the page's own <h1>: their headings start at <h2>. No images: a
# description must not make readers' browsers fetch anything from another site.
TAGS = (nh3.ALLOWED_TAGS - {"h1", "img"}) | {"details", "summary"}

_md = markdown.Markdown(extensions=["extra", "sane_lists"], output_format="html")


def render(text: str | None) -> str:
    """Convert Markdown, then sanitise: no script, no on* attribute, no javascript: URL."""
    if not text or not text.strip():
        return ""
    html = _md.reset().convert(text)
    return nh3.clean(html, tags=TAGS, url_schemes=URL_SCHEMES, link_rel="noopener noreferrer")
