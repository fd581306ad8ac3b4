"""Thumbnails of image materials, from the files editors really send: big camera JPEGs turned
sideways, transparent PNGs, damaged files and decompression bombs."""

from __future__ import annotations

import io
import struct
import sys
import zlib

import pytest
from PIL import Image

from helpers import ROOT

sys.path.insert(0, str(ROOT / "hooks"))

from ssp.thumbnails import thumbnail


def encoded(image: Image.Image, fmt: str, **options) -> bytes:
    output = io.BytesIO()
    image.save(output, format=fmt, **options)
    return output.getvalue()


def test_a_big_poster_becomes_a_small_webp_shown_at_120_pixels():
    poster = encoded(Image.new("RGB", (2480, 3508), "#2f3e8f"), "JPEG", quality=95)  # A4 at 300 dpi
    small = thumbnail(poster)
    opened = Image.open(io.BytesIO(small.content))
    assert opened.format == "WEBP" and opened.size == (360, 509)
    assert (small.width, small.height) == (120, 170) and len(small.content) < len(poster) / 10


def test_a_photo_taken_sideways_is_turned_as_its_exif_says():
    photo = Image.new("RGB", (1600, 1200), "white")
    exif = photo.getexif()
    exif[0x0112] = 6  # « rotate 90° »: the camera was held upright
    opened = Image.open(io.BytesIO(thumbnail(encoded(photo, "JPEG", exif=exif)).content))
    assert opened.width < opened.height


def test_transparency_is_kept_and_a_palette_image_is_read():
    logo = Image.new("RGBA", (400, 400), (0, 0, 0, 0))
    assert Image.open(io.BytesIO(thumbnail(encoded(logo, "PNG")).content)).mode == "RGBA"
    assert thumbnail(encoded(Image.new("P", (500, 300)), "PNG")).width == 120


def test_a_damaged_image_is_an_error_for_its_editor():
    whole = encoded(Image.new("RGB", (800, 600), "red"), "PNG")
    with pytest.raises(ValueError, match="l'image ne peut pas être lue .fichier abîmé ou incomplet."):
        thumbnail(whole[:200])


def chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def test_a_decompression_bomb_is_refused_before_decoding():
    # 100,000 × 100,000 pixels announced in 100 bytes: decoding it would need 30 GB.
    bomb = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 100_000, 100_000, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b""))
    with pytest.raises(ValueError, match="l'image ne peut pas être lue|millions permis"):
        thumbnail(bomb)
    huge = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 9000, 9000, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b""))
    with pytest.raises(ValueError, match="l'image fait 9000 × 9000 pixels, plus que les 60 millions permis"):
        thumbnail(huge)
