"""The stage layout of build_tools (ARCHITECTURE.md): imports run one way, down the stages.

Read from the source with ast, so that a new module lands in a stage or this test says where it
must go; no cycles between modules; only the engine stage imports mkdocs."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "build_tools"

# Lowest first. A module may import modules of its own stage or of a stage before it, never after.
STAGES = [
    ("detect",), ("report",), ("engine",), ("load",), ("privacy",), ("check",), ("stats",), ("model",),
    ("exports",), ("pages",), ("validate", "generate", "build"), ("schools",), ("commands",),
    ("cli", "__main__", "__init__"),
]
RANK = {name: i for i, names in enumerate(STAGES) for name in names}
ENGINE_ONLY = ("mkdocs", "material", "properdocs")


def modules() -> dict[str, Path]:
    return {".".join(p.relative_to(PACKAGE).with_suffix("").parts): p for p in sorted(PACKAGE.rglob("*.py"))}


def stage(module: str) -> str:
    return module.split(".")[0]


def _type_only(tree: ast.Module) -> set[ast.AST]:
    """Import statements under `if TYPE_CHECKING:` (annotations only: no import when the code runs)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            found.update(n for n in ast.walk(node) if isinstance(n, (ast.Import, ast.ImportFrom)))
    return found


def imports(module: str, path: Path, runtime_only: bool = False) -> set[str]:
    """The build_tools modules (dotted, without the package) and outside packages it imports;
    with runtime_only, without the imports made for type annotations only."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = module.split(".")
    package = here if path.name == "__init__.py" else here[:-1]
    skip = _type_only(tree) if runtime_only else set()
    out = set()
    for node in ast.walk(tree):
        if node in skip:
            continue
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
                out.add("build_tools." + target if target else "build_tools")
                out.update(f"build_tools.{target}.{a.name}".replace("..", ".") if target else f"build_tools.{a.name}"
                           for a in node.names)
            elif node.module:
                out.add(node.module)
                out.update(f"{node.module}.{a.name}" for a in node.names)
    return out


def internal_graph(runtime_only: bool = False) -> dict[str, set[str]]:
    known = modules()
    graph = {}
    for module, path in known.items():
        found = set()
        for name in imports(module, path, runtime_only):
            if name.startswith("build_tools."):
                target = name.removeprefix("build_tools.")
                target = target.removesuffix(".__init__")
                if target in known:
                    found.add(target)
                elif f"{target}.__init__" in known:
                    found.add(f"{target}.__init__")
        graph[module] = found - {module}
    return graph


def test_every_module_is_in_a_stage():
    unknown = sorted(m for m in modules() if stage(m) not in RANK)
    assert not unknown, f"put these modules in a stage package (ARCHITECTURE.md) or add the stage: {unknown}"


def test_imports_run_down_the_stages():
    back = sorted(
        f"{a} → {b}" for a, targets in internal_graph().items() for b in targets
        if RANK.get(stage(b), 0) > RANK.get(stage(a), 0)
    )
    assert not back, "imports that run back up the stages:\n" + "\n".join(back)


def test_no_import_cycles():
    """Counted as the code runs: a helper may name its caller's type in an annotation (the
    scanner hands itself to the container readers), but every import direction above counts all."""
    graph = internal_graph(runtime_only=True)
    state: dict[str, int] = {}
    cycles = []

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                cycles.append(" → ".join(trail[trail.index(nxt):] + [node, nxt]) if nxt in trail else f"{node} → {nxt}")
            elif not state.get(nxt):
                visit(nxt, trail + [node])
        state[node] = 2

    for node in sorted(graph):
        if not state.get(node):
            visit(node, [])
    assert not cycles, "import cycles:\n" + "\n".join(cycles)


@pytest.mark.parametrize("module", sorted(modules()))
def test_only_the_engine_imports_the_site_engine(module):
    if stage(module) == "engine":
        return
    found = {name for name in imports(module, modules()[module]) if name.split(".")[0] in ENGINE_ONLY}
    assert not found, f"{module} imports {found}: only build_tools/engine/ may talk to the site engine"
