"""Markdown written by editors → safe HTML (content is untrusted).

CommonMark (markdown-it-py, with tables): a well-defined syntax, forgiving for editors (a list
needs no blank line before it, two spaces nest it), and three times faster than
Python-Markdown on a national edition's thousands of descriptions.
"""

from __future__ import annotations

import nh3
from markdown_it import MarkdownIt

URL_SCHEMES = {"http", "https", "mailto", "tel"}
# Descriptions sit under the page's own <h1>: their headings start at <h2>. No images: a
# description must not make readers' browsers fetch anything from another site.
TAGS = (nh3.ALLOWED_TAGS - {"h1", "img"}) | {"details", "summary"}

_md = MarkdownIt("commonmark").enable("table")


def render(text: str | None) -> str:
    """Convert Markdown, then sanitise: no script, no on* attribute, no javascript: URL."""
    if not text or not text.strip():
        return ""
    return nh3.clean(_md.render(text).rstrip("\n"), tags=TAGS, url_schemes=URL_SCHEMES, link_rel="noopener noreferrer")
