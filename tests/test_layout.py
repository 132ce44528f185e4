"""The house keeps its shape: small modules, no import cycle, the core never reaches for the
front ends, and the package never reads tests/."""

from __future__ import annotations

import ast
from pathlib import Path

from bot.paths import PROJECT_DIR

BOT = PROJECT_DIR / "bot"
MAX_LINES = 400
CORE = ("normalize", "matcher", "lexicon", "index", "answer", "reply", "reading", "understanding",
        "groups", "followups", "followup_words", "figures", "several", "coverage", "slots", "scope",
        "chatlog", "recent", "shortlist", "phrasings", "runs")  # fmt: skip
FRONT_ENDS = ("bot.telegram", "bot.console", "bot.store", "bot.__main__")


def modules() -> dict[str, Path]:
    found = {}
    for path in sorted(BOT.rglob("*.py")):
        parts = path.relative_to(PROJECT_DIR).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def runtime_imports(path: Path, known: set[str]) -> set[str]:
    """Modules of the package imported when `path` runs (not under TYPE_CHECKING)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            return
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("bot"):
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                found.add(full if full in known else node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("bot"))
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found & known


def test_no_module_is_over_400_lines():
    sizes = {name: len(p.read_text(encoding="utf-8").splitlines()) for name, p in modules().items()}
    assert {n: s for n, s in sizes.items() if s > MAX_LINES} == {}


def test_there_is_no_import_cycle():
    found = modules()
    graph = {name: runtime_imports(path, set(found)) - {name} for name, path in found.items()}
    # a package's __init__ importing its own modules is not a cycle through them
    for name in graph:
        graph[name] = {m for m in graph[name] if not name.startswith(m + ".")}
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def walk(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append([*trail[trail.index(nxt) :], nxt] if nxt in trail else [node, nxt])
            elif nxt not in state:
                walk(nxt, [*trail, nxt])
        state[node] = 2

    for name in graph:
        if name not in state:
            walk(name, [name])
    assert cycles == []


def test_the_core_imports_no_front_end():
    found = modules()
    for name in CORE:
        imported = runtime_imports(found[f"bot.{name}"], set(found))
        assert not [m for m in imported if m.startswith(FRONT_ENDS)], name


def test_nothing_in_the_package_reads_tests():
    for path in modules().values():
        text = path.read_text(encoding="utf-8")
        assert '"tests"' not in text and "'tests'" not in text and "tests/" not in text, path
