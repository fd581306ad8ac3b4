"""The suite's commands (`ssp`, a build) forked from a process where their packages are imported.

A new Python interpreter spends most of a small command importing packages. Each test process
starts one server (this file run as a script, started anew: no pytest, no thread, no test's state)
that imports them once, then forks a process for each command it is sent: the suite's 250 `ssp`
commands cost a fifth of what they did, its 80 builds a third less. The forked process is set as a
new interpreter would be: its folder, environment, standard streams and import path. What it
writes, and how it ends (exit code, traceback), come back as subprocess.run(capture_output=True,
text=True) gives them (test_cli and test_engine compare both ways). The server never forks from
a process that ran a command: a command may start threads (vl-convert's chart engine) that a
process forked from it would wait for forever. A build given a variable Python reads as it starts
(PYTHONPATH: a sitecustomize), or made by MkDocs 1.6.1, starts a new interpreter (builds.build).
"""

from __future__ import annotations

import json
import locale
import os
import select
import signal
import subprocess
import sys
import tempfile
import traceback
from pathlib import Path

_server: subprocess.Popen | None = None


def run(kind: str, argv: list[str], *, cwd: Path, timeout: float, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """`argv` (`kind`: "ssp", the editors' command, or "build", `python -m properdocs build …`) run in `cwd` with
    `env` (by default this process's environment), as subprocess.run(argv, capture_output=True, text=True) would."""
    global _server
    request = {"kind": kind, "argv": argv, "cwd": str(cwd), "env": dict(os.environ if env is None else env), "timeout": timeout}
    with tempfile.TemporaryDirectory(prefix="commande-") as folder:
        request |= {"out": str(Path(folder, "out")), "err": str(Path(folder, "err"))}
        if _server is None or _server.poll() is not None:
            _server = subprocess.Popen([sys.executable, __file__], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        _server.stdin.write(json.dumps(request) + "\n")
        _server.stdin.flush()
        line = _server.stdout.readline()
        if not line:
            raise RuntimeError("le serveur des commandes de test s'est arrêté")
        answer = json.loads(line)
        if answer["late"]:
            raise subprocess.TimeoutExpired(argv, timeout)
        return subprocess.CompletedProcess(argv, answer["code"], _text(Path(request["out"]).read_bytes()),
                                           _text(Path(request["err"]).read_bytes()))


def _text(data: bytes) -> str:
    """As subprocess.run(text=True) reads it: the locale's encoding, every line end as « \\n »."""
    return data.decode(locale.getpreferredencoding(False)).replace("\r\n", "\n").replace("\r", "\n")


# The server's side: this file run as a script.

def serve() -> None:
    """Import what commands import, then for each request (a line of JSON on stdin) fork its command, wait for it
    (killed after its timeout) and answer its exit code."""
    from ssp import __main__, communes, importer, load  # noqa: F401  # the editors' command

    communes.communes()
    import material  # noqa: F401  # a build
    import PIL.Image  # noqa: F401
    import properdocs.__main__
    import properdocs.commands.build  # noqa: F401

    import ssp.api  # noqa: F401

    for line in sys.stdin:
        request = json.loads(line)
        pid = os.fork()
        if pid == 0:  # the command, then the end of an interpreter: exit handlers (a build's pool of workers), threads
            sys.exit(_command(request))
        handle = os.pidfd_open(pid)
        late = not select.select([handle], [], [], request["timeout"])[0]
        os.close(handle)
        if late:
            os.kill(pid, signal.SIGKILL)
        code = os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
        print(json.dumps({"code": code, "late": late}), flush=True)


def _command(request: dict) -> int:
    """In the forked process: the command, on the streams, environment and import path a new interpreter has."""
    code = 1
    try:
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
        os.dup2(os.open(request["out"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC), 1)
        os.dup2(os.open(request["err"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC), 2)
        encoding = locale.getpreferredencoding(False)
        # the process's own streams, open until it ends
        sys.stdin = open(0, encoding=encoding, closefd=False)  # noqa: SIM115
        sys.stdout = open(1, "w", encoding=encoding, closefd=False)  # noqa: SIM115
        sys.stderr = open(2, "w", encoding=encoding, errors="backslashreplace", closefd=False, buffering=1)  # noqa: SIM115
        argv = sys.argv = request["argv"]
        # a console script's folder, or `python -m`'s current one, then the interpreter's own path (this one's but its
        # first entry, this file's folder)
        sys.path[0] = str(Path(argv[0]).parent) if request["kind"] == "ssp" else request["cwd"]
        try:
            if request["kind"] == "ssp":
                from ssp.__main__ import run as ssp

                ssp()
            else:
                from properdocs.__main__ import cli

                cli(args=argv[3:], prog_name=" ".join(["python", *argv[1:3]]))
            code = 0
        except SystemExit as ended:  # as the interpreter ends on it
            code = ended.code if isinstance(ended.code, int) else 0 if ended.code is None else 1
            if not isinstance(ended.code, int | None):
                print(ended.code, file=sys.stderr)
        except BaseException:
            traceback.print_exc()
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except BaseException:
                pass
    return code


if __name__ == "__main__":
    serve()
