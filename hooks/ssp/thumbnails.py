"""Thumbnails of image materials (Pillow): the supports page shows a small WebP, not the poster
itself (often several megabytes). An image Pillow cannot read, or one so large that decoding it
could exhaust the build's memory (a « decompression bomb »), is an error for its editor."""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass
from functools import lru_cache

from PIL import Image, ImageOps

BOX = (360, 510)  # pixels: 120 CSS pixels wide on a screen of density 3
SHOWN = 120  # CSS pixels
MAX_PIXELS = 60_000_000  # an A0 poster at 150 dpi is 35 million pixels


@dataclass(frozen=True)
class Thumbnail:
    content: bytes
    width: int  # CSS pixels it is shown at: never more than a third of its own pixels
    height: int


def thumbnail(content: bytes) -> Thumbnail:
    """The thumbnail of an image file, or ValueError with a French message."""
    return _made(hashlib.sha256(content).hexdigest(), content)


@lru_cache(maxsize=256)
def _made(digest: str, content: bytes) -> Thumbnail:
    size = None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(content)) as image:
                if image.width * image.height > MAX_PIXELS:
                    size = image.size
                else:
                    image.draft("RGB", BOX)  # a JPEG is decoded directly at a smaller size
                    small = ImageOps.exif_transpose(image)
                    small = small.convert("RGBA" if "A" in small.getbands() or "transparency" in small.info else "RGB")
                    small.thumbnail(BOX)
    # Pillow's own errors (OSError, SyntaxError, ValueError…) are in English: the editor gets ours.
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ValueError("l'image ne peut pas être lue (fichier abîmé ou incomplet) ; enregistrez-la à nouveau "
                         "en PNG ou en JPEG depuis le logiciel qui l'a créée") from error
    if size:
        raise ValueError(f"l'image fait {size[0]} × {size[1]} pixels, plus que les {MAX_PIXELS // 1_000_000} "
                         "millions permis ; réduisez-la (150 dpi suffisent à l'impression)")
    output = io.BytesIO()
    small.save(output, format="WEBP", quality=80, method=4)
    width = min(SHOWN, max(1, small.width // 3))
    return Thumbnail(output.getvalue(), width, max(1, round(width * small.height / small.width)))
