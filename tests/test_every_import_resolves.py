"""Every ``from bonecoach... import name`` in the package, the benchmark and the scripts names
a module and a name that exist, including imports inside functions (kept there for start-up
speed), which running the tests may never reach: a renamed module cannot break the benchmark
or a rarely used path unnoticed."""

from __future__ import annotations

import ast
import importlib
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = ("bonecoach", "bench", "scripts", "tools")


@cache
def _imports() -> list[tuple[str, int, str, str]]:
    found = []
    for folder in FOLDERS:
        for path in sorted((ROOT / folder).rglob("*.py")) if (ROOT / folder).is_dir() else []:
            if "migrations" in path.parts:
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in _runtime_nodes(tree):
                if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    if node.module.split(".")[0] == "bonecoach":
                        rel = str(path.relative_to(ROOT))
                        found += [(rel, node.lineno, node.module, a.name) for a in node.names]
                elif isinstance(node, ast.Import):
                    rel = str(path.relative_to(ROOT))
                    found += [
                        (rel, node.lineno, a.name, "")
                        for a in node.names
                        if a.name.split(".")[0] == "bonecoach"
                    ]
    return found


def _runtime_nodes(tree: ast.AST) -> list[ast.AST]:
    """Every node but those under ``if TYPE_CHECKING:`` (type-only names need not exist)."""
    nodes: list[ast.AST] = []
    todo = [tree]
    while todo:
        node = todo.pop()
        nodes.append(node)
        for child in ast.iter_child_nodes(node):
            test = getattr(child, "test", None)
            if isinstance(child, ast.If) and getattr(test, "id", None) == "TYPE_CHECKING":
                todo.extend(child.orelse)
                continue
            todo.append(child)
    return nodes


def test_there_are_imports_to_check() -> None:
    assert len(_imports()) > 500


@pytest.mark.parametrize("module", sorted({m for _, _, m, _ in _imports()}))
def test_each_imported_module_and_name_exists(module: str) -> None:
    imported = importlib.import_module(module)
    missing = [
        f"{where}:{line} imports {name} from {module}"
        for where, line, mod, name in _imports()
        if mod == module and name and name != "*" and not hasattr(imported, name)
        and not _is_submodule(module, name)
    ]  # fmt: skip
    assert not missing, missing


def _is_submodule(package: str, name: str) -> bool:
    try:
        importlib.import_module(f"{package}.{name}")
    except ModuleNotFoundError:
        return False
    return True
