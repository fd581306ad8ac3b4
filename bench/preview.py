"""Live preview latency: start `mkdocs serve` on synthetic campaigns, edit one event file, and time
how long until the served page shows the change (what an editor waits for). Then save a template
SAVES times (each save changes every event page) and read the server's memory (PSS) after each:
it should stay flat.

Usage: python bench/preview.py [N]   (default: 5000 events)
"""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import copy_site, generate  # noqa: E402

EDITS = 3
SAVES = 20


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url: str, text: str, timeout: float) -> float:
    """Seconds until `url` answers with `text` in it."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if text in response.read().decode("utf-8"):
                    return time.perf_counter() - start
        except OSError:
            pass
        time.sleep(0.05)
    raise TimeoutError(f"{url} : « {text} » absent après {timeout} s")


def preview_latency(events: int) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        copy_site(root)
        generate(root, events)
        event = sorted((root / "campaigns").glob("*/events/*.md"))[events // 2]
        url = f"http://127.0.0.1:{free_port()}/"
        page = f"{url}{event.parent.parent.name}/evenements/{event.stem}/"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        server = subprocess.Popen([sys.executable, "-m", os.environ.get("SSP_ENGINE", "properdocs"), "serve", "-a", url[7:-1]], cwd=root, env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            first = wait_for(page, "<h1>", timeout=600)
            latencies = []
            for number in range(1, EDITS + 1):
                time.sleep(1)
                text = event.read_text(encoding="utf-8")
                title = f"Action modifiée {number}"
                event.write_text(text.replace("title: \"", f"title: \"{title} — ", 1), encoding="utf-8")
                latencies.append(wait_for(page, title, timeout=120))
            template = root / "overrides" / "partials" / "ssp" / "event-page.html"
            original, memory = template.read_text(encoding="utf-8"), []
            for number in range(1, SAVES + 1):
                template.write_text(original + f"\n<!-- enregistrement {number} -->\n", encoding="utf-8")
                wait_for(page, f"enregistrement {number} -->", timeout=300)
                memory.append(pss_mb(server.pid))
        finally:
            server.terminate()
            server.wait(timeout=30)
    return {"events": events, "first": first, "latencies": latencies, "memory": memory}


def pss_mb(pid: int) -> int:
    """Proportional memory of a process, in MB (Linux)."""
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) // 1024
    return 0


def main(events: int) -> None:
    result = preview_latency(events)
    print(f"Aperçu en direct, {events} actions : premier affichage en {result['first']:.1f} s ; après la modification "
          f"d'une action, page à jour en {statistics.median(result['latencies']):.1f} s (médiane de {EDITS}, "
          f"max {max(result['latencies']):.1f} s)")
    memory = result["memory"]
    print(f"Mémoire du serveur d'aperçu après 1, 5, 10 et {SAVES} enregistrements d'un gabarit : "
          + ", ".join(f"{memory[index]} Mo" for index in (0, 4, 9, SAVES - 1)))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5000)
