"""The engine running the hooks: ProperDocs (a maintained MkDocs 1.6) logs under « properdocs »,
MkDocs under « mkdocs ». Our messages and the warning count go to the running one's logger."""

from __future__ import annotations

import sys

ENGINE_LOG = "properdocs" if "properdocs" in sys.modules else "mkdocs"
