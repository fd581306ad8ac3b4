"""Posters' QR codes, drawn at build by segno as inline SVG (no image file, no request)."""

from __future__ import annotations

import segno
from markupsafe import Markup

# The data mask is fixed: segno's choice among the eight costs six times as much (about 7 ms a
# code, half a minute of work at 5,000 actions) for no reading gain: tests/browser/test_poster_print.py
# decodes the codes of printed posters.
MASK = 2


def qr_svg(url: str) -> Markup:
    """A QR code leading to `url`, error correction M or better (segno raises it when the code
    keeps its size), sized by CSS (viewBox only), named for screen readers."""
    code = segno.make(url, error="m", micro=False, mask=MASK)
    svg = code.svg_inline(scale=1, border=4, omitsize=True, svgclass="ssp-qr", lineclass=None,
                          title=f"Code QR menant à {url}", dark="#000", light="#fff")
    return Markup(svg.replace("<svg ", '<svg role="img" ', 1))
