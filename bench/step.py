"""One measured step of the benchmark, run in its own process so its peak memory is its own.
Validation times are CPU seconds of this process (time.process_time): the machine is shared.

python bench/step.py full ROOT SITE      full build (validate → generate → mkdocs → scan → swap); the docs
                                         folder kept in ROOT/.preview/docs, as `serve` keeps it
python bench/step.py check ROOT FILE     `check FILE` against ROOT's activities (the duplicate index in ROOT/.cache)
python bench/step.py docs ROOT DOCS      validate + generate only, keeping the docs folder
python bench/step.py validate ROOT       our validation of all activities; prints seconds
python bench/step.py frictionless ROOT   frictionless alone on the same records, flattened; prints seconds
                                         without and with reading the YAML files (libyaml's C loader)
python bench/step.py stats ROOT ROWS     statistics tables of about ROWS rows: our validation and frictionless
                                         alone on the same rows; prints "rows ours_s frictionless_s audit_s"
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

    sys.exit(build(TODAY, site, root=root, keep_docs=root / ".preview/docs"))


def check(root: Path, file: Path) -> None:
    """What `python -m build_tools check FILE` does, with ROOT as the repository."""
    from build_tools.schools.offline_check import check as offline_check

    offline_check([file], root)


def docs(root: Path, out: Path) -> None:
    from build_tools.generate import generate
    from build_tools.validate import validate_all

    report, dataset = validate_all(root)
    assert not report.errors, report.errors[:3]
    shutil.copytree(root / "content", out)
    generate(dataset, TODAY, out)


def validate(root: Path) -> None:
    """Our validation of the activity records alone (the same records frictionless gets)."""
    from build_tools.validate import activity_files, validate_activities

    files = activity_files(root)
    started = time.process_time()
    report, _ = validate_activities(files, root)
    print(f"{time.process_time() - started:.3f}")
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
    reading = time.process_time()  # frictionless cannot read YAML records: libyaml (C) reads them for it
    with table.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(names)
        for path in sorted((root / "data/activities").rglob("*.yaml")):
            rec = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CBaseLoader)
            writer.writerow([_get(rec, n) for n in names])
    started = time.process_time()
    resource = Resource(path=table.name, basepath=str(root), schema=Schema.from_descriptor({"fields": fields}))
    report = resource.validate()
    done = time.process_time()
    print(f"{done - started:.3f} {done - reading:.3f}")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "message"])[:3]


def stats(root: Path, rows: Path) -> None:
    """Copies of the 2025 sample tables under earlier periods, until there are `rows` rows."""
    import yaml
    from frictionless import Resource, Schema

    import build_tools.stats.check as check
    from build_tools.stats.check import statistics_files, validate_statistics

    audit = [0.0]
    across = check.check_across  # the cross-table rules and the LP audit, timed in CPU seconds too

    def timed_across(*args):
        began = time.process_time()
        try:
            return across(*args)
        finally:
            audit[0] += time.process_time() - began

    check.check_across = timed_across

    wanted, folder = int(str(rows)), root / "data/statistics"
    samples = {p.stem[5:]: p.read_text(encoding="utf-8").splitlines() for p in sorted(folder.glob("2025-*.csv"))}
    for old in folder.glob("20*.csv"):
        old.unlink()
    periods = (f"{y}{q}" for y in range(2000, 2024) for q in ("", "Q1", "Q2", "Q3", "Q4"))
    total, flat = 0, [next(iter(samples.values()))[0]]
    while total < wanted:
        period = next(periods)
        for county, lines in samples.items():
            body = [period + line[4:] for line in lines[1:]]  # every row starts with "2025,"
            (folder / f"{period}-{county}.csv").write_text("\n".join([lines[0], *body]) + "\n", encoding="utf-8")
            flat.extend(body)
            total += len(body)
    started = time.process_time()
    report, _ = validate_statistics(statistics_files(root), root)
    ours = time.process_time() - started
    assert not report.errors, [p.as_text() for p in report.errors[:3]]
    (root / "flat-stats.csv").write_text("\n".join(flat) + "\n", encoding="utf-8")
    descriptor = yaml.safe_load((root / "data/schemas/statistics.schema.yaml").read_text(encoding="utf-8"))
    fields = [{k: v for k, v in f.items() if not k.startswith("x-") and k != "example"} for f in descriptor["fields"]]
    schema = Schema.from_descriptor({"fields": fields, "primaryKey": descriptor.get("primaryKey", [])})
    started = time.process_time()
    result = Resource(path="flat-stats.csv", basepath=str(root), schema=schema).validate()
    theirs = time.process_time() - started
    assert result.valid, result.flatten(["rowNumber", "fieldName", "type", "message"])[:3]
    print(f"{total} {ours:.3f} {theirs:.3f} {audit[0]:.3f}")


def _get(rec: dict, dotted: str) -> str:
    value = rec
    for part in dotted.split("."):
        value = value.get(part, "") if isinstance(value, dict) else ""
    return value if isinstance(value, str) else ""


if __name__ == "__main__":
    step, *args = sys.argv[1:]
    {"full": full, "check": check, "docs": docs, "validate": validate, "frictionless": frictionless, "stats": stats}[step](*map(Path, args))
