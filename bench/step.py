"""One measured step of the benchmark, run in its own process so its peak memory is its own.

python bench/step.py full ROOT SITE      full build (validate → generate → mkdocs → scan → swap)
python bench/step.py docs ROOT DOCS      validate + generate only, keeping the docs folder
python bench/step.py validate ROOT       our validation of all activities; prints seconds
python bench/step.py frictionless ROOT   frictionless alone on the same records, flattened; prints seconds
"""

from __future__ import annotations

import csv
import datetime as dt
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

TODAY = dt.date(2026, 11, 22)


def full(root: Path, site: Path) -> None:
    from build_tools.build import build

    sys.exit(build(TODAY, site, root=root))


def docs(root: Path, out: Path) -> None:
    from build_tools.generate import generate
    from build_tools.validate import validate_all

    report, dataset = validate_all(root)
    assert not report.errors, report.errors[:3]
    shutil.copytree(root / "content", out)
    generate(dataset, TODAY, out)


def validate(root: Path) -> None:
    from build_tools.validate import validate_all

    started = time.perf_counter()
    report, dataset = validate_all(root)
    print(f"{time.perf_counter() - started:.3f}")
    assert not report.errors


def frictionless(root: Path) -> None:
    """Frictionless validating the same records' scalar fields as one table, as a baseline."""
    import yaml
    from frictionless import Resource, Schema

    schema = yaml.safe_load((root / "data/schemas/activity.schema.yaml").read_text(encoding="utf-8"))
    fields = [{k: v for k, v in f.items() if not k.startswith("x-") and k != "example"}
              | ({"type": "datetime"} if f.get("x-datetime") else {})  # the synthetic records are timed
              for f in schema["fields"] if "[]" not in f["name"] and f["name"] != "description"]
    names = [f["name"] for f in fields]
    table = root / "flat.csv"
    with table.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(names)
        for path in sorted((root / "data/activities").rglob("*.yaml")):
            rec = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CBaseLoader)
            writer.writerow([_get(rec, n) for n in names])
    started = time.perf_counter()
    resource = Resource(path=table.name, basepath=str(root), schema=Schema.from_descriptor({"fields": fields}))
    report = resource.validate()
    print(f"{time.perf_counter() - started:.3f}")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "message"])[:3]


def _get(rec: dict, dotted: str) -> str:
    value = rec
    for part in dotted.split("."):
        value = value.get(part, "") if isinstance(value, dict) else ""
    return value if isinstance(value, str) else ""


if __name__ == "__main__":
    step, *args = sys.argv[1:]
    {"full": full, "docs": docs, "validate": validate, "frictionless": frictionless}[step](*map(Path, args))
