"""Our copies of Material's templates say which original they were made from (its SHA-256): when an
upgrade of Material changes that original, this test names the file to compare and update."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import material
import pytest

from helpers import ROOT

FORKS = sorted(path for path in (ROOT / "overrides").rglob("*.html")
               if re.match(r"\{#- Copied from Material ", path.read_text(encoding="utf-8")))
COPIED = re.compile(r"Copied from Material (?P<version>[\d.]+) (?P<original>\S+) \(sha256 (?P<digest>[0-9a-f]{64})\)")


def test_our_forks_are_found():
    assert [path.relative_to(ROOT).as_posix() for path in FORKS] == ["overrides/neutre/partials/header.html"]


@pytest.mark.parametrize("fork", FORKS, ids=lambda path: path.name)
def test_each_fork_matches_the_installed_original(fork):
    copied = COPIED.search(fork.read_text(encoding="utf-8"))
    assert copied, f"{fork.name} : écrivez dans son en-tête « Copied from Material <version> <fichier> (sha256 …) »"
    original = Path(material.__file__).parent / "templates" / copied["original"]
    digest = hashlib.sha256(original.read_bytes()).hexdigest()
    assert digest == copied["digest"], (
        f"Material a changé {copied['original']} depuis la version {copied['version']} : comparez-le à "
        f"overrides/{fork.relative_to(ROOT / 'overrides').as_posix()}, reportez les changements, puis mettez à jour son empreinte")
