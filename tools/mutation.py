"""Mutation testing: change the core one operator or constant at a time, and check that a unit
test fails on each change (a « mutant » killed). `make mutation` (MODULES="fields.py urls.py" for some).

Each mutant is the module with one change — `<` ↔ `<=`, `==` ↔ `!=`, `in` ↔ `not in`, `+` ↔ `-`,
`and` ↔ `or`, `not x` → `x`, a number + 1, True ↔ False, a string « XX…XX » — run first against the
unit tests that execute its lines (found once with coverage), then, if none fails, against every
unit test (a line run at import or by a cached function is seen by one test only), in a copy of
the project (the tests import the core from their own project's hooks/). A mutant that no test kills is listed; one that cannot be told apart from the original
by any input (an « equivalent » mutant) is declared with its reason in tools/mutation-equivalents.txt
and left out of the score.
"""

from __future__ import annotations

import argparse
import ast
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORE = ROOT / "hooks" / "ssp"
TARGETS = ("fields.py", "validate.py", "frenchdates.py", "exports/ics.py", "urls.py")
EQUIVALENTS = ROOT / "tools" / "mutation-equivalents.txt"
GOAL = 90.0

SWAPS = {
    ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt, ast.Eq: ast.NotEq, ast.NotEq: ast.Eq,
    ast.In: ast.NotIn, ast.NotIn: ast.In, ast.Is: ast.IsNot, ast.IsNot: ast.Is,
    ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.Div, ast.Div: ast.Mult, ast.FloorDiv: ast.Div,
    ast.Mod: ast.FloorDiv, ast.BitOr: ast.BitAnd, ast.BitAnd: ast.BitOr, ast.Pow: ast.Mult,
    ast.LShift: ast.RShift, ast.RShift: ast.LShift, ast.And: ast.Or, ast.Or: ast.And,
}
SYMBOLS = {
    ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=", ast.Eq: "==", ast.NotEq: "!=", ast.In: "in",
    ast.NotIn: "not in", ast.Is: "is", ast.IsNot: "is not", ast.Add: "+", ast.Sub: "-", ast.Mult: "*",
    ast.Div: "/", ast.FloorDiv: "//", ast.Mod: "%", ast.BitOr: "|", ast.BitAnd: "&", ast.Pow: "**",
    ast.LShift: "<<", ast.RShift: ">>", ast.And: "and", ast.Or: "or",
}


@dataclass
class Mutant:
    module: str
    index: int  # the index-th change found walking the module's tree
    line: int
    end_line: int
    change: str
    source_line: str

    @property
    def key(self) -> str:
        """What tools/mutation-equivalents.txt names: stable while the line's text is unchanged."""
        return f"{self.module} | {self.source_line} | {self.change}"


def skipped_nodes(tree: ast.AST) -> set[int]:
    """Docstrings, annotations, f-string format specs and `from __future__`: not behaviour."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
                skipped.add(id(first.value))
        parts = []
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            parts += [node.returns] + [arg.annotation for arg in ast.walk(node.args) if isinstance(arg, ast.arg)]
        if isinstance(node, ast.AnnAssign):
            parts.append(node.annotation)
        if isinstance(node, ast.FormattedValue):
            parts.append(node.format_spec)
        if isinstance(node, ast.ImportFrom):
            parts.append(node)
        for part in parts:
            if part is not None:
                skipped.update(id(inner) for inner in ast.walk(part))
    return skipped


def changes(node: ast.AST) -> list[tuple[str, callable]]:
    """The ways to change one node: (description, function applying it to that node)."""
    found = []

    def swap_op(holder, attribute, index=None):
        op = getattr(holder, attribute) if index is None else getattr(holder, attribute)[index]
        other = SWAPS.get(type(op))
        if other is None:
            return

        def apply(target, attribute=attribute, index=index, other=other):
            if index is None:
                setattr(target, attribute, other())
            else:
                getattr(target, attribute)[index] = other()
        found.append((f"{SYMBOLS[type(op)]} → {SYMBOLS[other]}", apply))

    if isinstance(node, ast.Compare):
        for index in range(len(node.ops)):
            swap_op(node, "ops", index)
    elif isinstance(node, (ast.BinOp, ast.AugAssign, ast.BoolOp)):
        swap_op(node, "op")
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.Not, ast.USub)):
        found.append(("not x → x" if isinstance(node.op, ast.Not) else "-x → x", "unwrap"))
    elif isinstance(node, ast.Constant):
        value = node.value
        if isinstance(value, bool):
            found.append((f"{value} → {not value}", lambda target: setattr(target, "value", not target.value)))
        elif isinstance(value, (int, float)):
            found.append((f"{value!r} → {value + 1!r}", lambda target: setattr(target, "value", target.value + 1)))
        elif isinstance(value, str):
            found.append((f"{value[:30]!r} → 'XX…XX'", lambda target: setattr(target, "value", "XX" + target.value + "XX")))
        elif isinstance(value, bytes):
            found.append((f"{value[:30]!r} → b'XX…XX'", lambda target: setattr(target, "value", b"XX" + target.value + b"XX")))
    return found


def walk(tree: ast.AST):
    """Every node with its parent, in a fixed order."""
    for parent in ast.walk(tree):
        for child in ast.iter_child_nodes(parent):
            yield parent, child


def mutants(module: str) -> list[Mutant]:
    source = (CORE / module).read_text(encoding="utf-8")
    lines = source.splitlines()
    tree = ast.parse(source)
    skipped = skipped_nodes(tree)
    found, seen = [], {}
    for _, node in walk(tree):
        if id(node) in skipped:
            continue
        for change, _ in changes(node):
            source_line = lines[node.lineno - 1].strip()
            count = seen[source_line, change] = seen.get((source_line, change), 0) + 1
            found.append(Mutant(module, len(found), node.lineno, node.end_lineno or node.lineno,
                                change + (f" (n° {count} de la ligne)" if count > 1 else ""), source_line))
    return found


def mutated_source(mutant: Mutant | None, module: str = "") -> str:
    """The module with the mutant's change (None: unchanged, but written back as the mutants are)."""
    tree = ast.parse((CORE / (mutant.module if mutant else module)).read_text(encoding="utf-8"))
    if mutant is None:
        return ast.unparse(tree)
    skipped = skipped_nodes(tree)
    index = 0
    for parent, node in walk(tree):
        if id(node) in skipped:
            continue
        for _, apply in changes(node):
            if index == mutant.index:
                if apply == "unwrap":  # replace the node by its operand in its parent
                    for field, value in ast.iter_fields(parent):
                        if value is node:
                            setattr(parent, field, node.operand)
                        elif isinstance(value, list):
                            value[:] = [node.operand if item is node else item for item in value]
                else:
                    apply(node)
                return ast.unparse(tree)
            index += 1
    raise LookupError(mutant)


def tests_by_line(modules: list[str], scratch: Path) -> dict[str, dict[int, set[str]]]:
    """For each module, line → the unit tests (file::function) that execute it (coverage contexts)."""
    from coverage import CoverageData

    data_file, measured = scratch / "coverage", copy_project(scratch / "measured")
    subprocess.run([sys.executable, "-m", "pytest", "tests/unit", "-q", "-p", "no:cacheprovider", "--cov=ssp",
                    "--cov-context=test", "--cov-report=", "--hypothesis-seed=0"], cwd=measured, check=True,
                   env={**os.environ, "COVERAGE_FILE": str(data_file)}, stdout=subprocess.DEVNULL)
    data = CoverageData(basename=str(data_file))
    data.read()
    result = {}
    for module in modules:
        by_line = data.contexts_by_lineno(str(measured / "hooks" / "ssp" / module))
        if not by_line:
            raise SystemExit(f"{module} : aucune ligne exécutée par les tests mesurés (copie du projet mal faite ?)")
        result[module] = {line: {context.split("|")[0].split("[")[0] for context in contexts if "::" in context}
                          for line, contexts in by_line.items()}
    return result


def copy_project(folder: Path) -> Path:
    """What the unit tests read (the sources, tests, schemas…), not the installed tools."""
    shutil.copytree(ROOT, folder, ignore=shutil.ignore_patterns(
        ".git", ".venv", "node_modules", "site", "site.partiel", "__pycache__", ".hypothesis", ".pytest_cache"))
    if (ROOT / "node_modules").is_dir():
        (folder / "node_modules").symlink_to(ROOT / "node_modules")
    return folder


def run(mutant: Mutant | None, tests: list[str], folder: Path, timeout: float, module: str = "") -> str:
    """'killed', 'survived', 'timeout' (counted as killed: the change hangs the code) or 'no test'."""
    if not tests:
        return "no test"
    target = folder / "hooks" / "ssp" / (mutant.module if mutant else module)
    original = target.read_text(encoding="utf-8")
    target.write_text(mutated_source(mutant, module), encoding="utf-8")
    try:
        result = subprocess.run([sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider",
                                 "--hypothesis-seed=0", *sorted(tests)], cwd=folder, timeout=timeout,
                                env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # 1: a test failed; 2 or 4: the mutant broke the import (of a test module, of conftest.py);
        # 5, no test collected: the tool is wrong (the unchanged module was checked to pass).
        return {0: "survived", 1: "killed", 2: "killed", 4: "killed"}.get(result.returncode, f"erreur de pytest {result.returncode}")
    except subprocess.TimeoutExpired:
        return "timeout"
    finally:
        target.write_text(original, encoding="utf-8")


def declared_equivalents() -> dict[str, str]:
    """key → reason, from lines « module | source line | change | reason »."""
    found = {}
    for line in EQUIVALENTS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            *key, reason = (part.strip() for part in line.split(" | "))
            found[" | ".join(key)] = reason
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", default=list(TARGETS))
    parser.add_argument("--workers", type=int, default=len(os.sched_getaffinity(0)))
    arguments = parser.parse_args()
    equivalents = declared_equivalents()
    with tempfile.TemporaryDirectory(prefix="mutation-") as scratch:
        scratch = Path(scratch)
        started = time.monotonic()
        coverage = tests_by_line(arguments.modules, scratch)
        folders: queue.Queue[Path] = queue.Queue()
        for number in range(arguments.workers):
            folders.put(copy_project(scratch / f"worker{number}"))
        for module in arguments.modules:  # the module rewritten without change must pass its tests
            tests = set().union(*coverage[module].values())
            if run(None, list(tests), folders.queue[0], timeout=600, module=module) != "survived":
                print(f"{module} réécrit sans changement (ast.unparse) ne passe plus ses tests : mesure impossible")
                return 2
        all_mutants = [mutant for module in arguments.modules for mutant in mutants(module)]
        print(f"{len(all_mutants)} mutants ; tests trouvés en {time.monotonic() - started:.0f} s", flush=True)

        def outcome(mutant: Mutant) -> str:
            if mutant.key in equivalents:
                return "equivalent"
            lines = range(mutant.line, mutant.end_line + 1)
            tests = set().union(*(coverage[mutant.module].get(line, set()) for line in lines))
            folder = folders.get()
            try:
                result = run(mutant, list(tests), folder, timeout=120) if tests else "no test"
                if result in ("survived", "no test"):
                    result = run(mutant, ["tests/unit"], folder, timeout=900)
            finally:
                folders.put(folder)
                done.append(mutant)
                if len(done) % 50 == 0:
                    print(f"  {len(done)} mutants essayés ({time.monotonic() - started:.0f} s)", flush=True)
            return result

        done: list[Mutant] = []
        with ThreadPoolExecutor(arguments.workers) as pool:
            outcomes = list(pool.map(outcome, all_mutants))
    failed = False
    used = set()
    for module in arguments.modules:
        results = [(mutant, result) for mutant, result in zip(all_mutants, outcomes) if mutant.module == module]
        counted = [result for _, result in results if result != "equivalent"]
        killed = sum(result in ("killed", "timeout") for result in counted)
        score = 100 * killed / len(counted) if counted else 100.0
        failed |= score < GOAL
        print(f"\n{module} : {killed}/{len(counted)} mutants tués ({score:.1f} %), "
              f"{len(results) - len(counted)} équivalents déclarés")
        for mutant, result in results:
            if result == "equivalent":
                used.add(mutant.key)
            elif result not in ("killed", "timeout"):
                print(f"  {module}:{mutant.line} {result} : {mutant.change}   [{mutant.source_line}]")
    stale = set(equivalents) - used
    for key in sorted(stale):
        if key.split(" | ")[0] in arguments.modules:
            print(f"équivalent déclaré mais introuvable (ligne changée ?) : {key}")
    print(f"\nDurée : {time.monotonic() - started:.0f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
