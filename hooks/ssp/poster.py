"""Posters' QR codes, drawn at build as inline SVG (no image file, no request).

The code is encoded by zxing-cpp (C++, which also picks the best mask) and its modules written here
as one SVG path, row by row: 0.5 ms a code, where the pure-Python segno took 2.8 ms (14 s of work
at 5,000 actions).
"""

from __future__ import annotations

import re

import zxingcpp
from markupsafe import Markup, escape

QUIET = 4  # modules of white margin, as the standard asks
_DARK_RUN = re.compile(rb"\x00+")  # to_image(): 0 is a dark module, 255 a light one


def qr_svg(url: str) -> Markup:
    """A QR code leading to `url`, error correction M or better, sized by CSS (viewBox only),
    named for screen readers."""
    code = zxingcpp.create_barcode(url, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    image = code.to_image(scale=1, add_quiet_zones=False)
    height, width = image.shape
    modules = memoryview(image).tobytes()  # type: ignore[arg-type]  # zxing-cpp's Image has the buffer protocol, not its type
    path = []
    for y in range(height):
        x = 0  # where the pen stands on this row: runs after the first move relative to it
        for index, run in enumerate(_DARK_RUN.finditer(modules[y * width:(y + 1) * width])):
            start, length = run.start(), run.end() - run.start()
            path.append(f"M{start + QUIET} {y + QUIET + 0.5}h{length}" if index == 0 else f"m{start - x} 0h{length}")
            x = start + length
    size = width + 2 * QUIET
    return Markup(f'<svg role="img" viewBox="0 0 {size} {size}" class="ssp-qr"><title>Code QR menant à {escape(url)}</title>'
                  f'<path fill="#fff" d="M0 0h{size}v{size}h-{size}z"/><path stroke="#000" d="{"".join(path)}"/></svg>')
