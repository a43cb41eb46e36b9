"""Benchmark: build speed, memory, validation cost and output size as the data grows.

    .venv/bin/python bench/run.py                     # 100, 1,000, 5,000 and 20,000 activities
    .venv/bin/python bench/run.py --sizes 100 1000    # a quicker run
    .venv/bin/python bench/run.py --sizes 20000 100000 --stat-rows   # a province (issue 18)

The records are a province's (bench/synth.py PROVINCE): three years, about two thirds of them
archived on the benchmark's day. Per size also (issue 18): peak memory of the whole process tree
(PSS summed over every process, sampled), the site's files and MB, `check FILE` on one record
(first run, which builds the duplicate index, and the next), and the time from saving an edited
record to the changed page being served by `serve` (its page polls once a second on top).
Sizes over 20,000 skip the bare mkdocs build and the frictionless comparison (hours, and no target).

Full and bare builds alternate and the fastest of two counts (--repeat; sizes over 5,000 run
once); our validation and frictionless alternate three times, the fastest of each counts.
Prints one table. Targets (issue 7): full build ≤ 1.2× a bare `mkdocs build` of the same pages
at 5,000 activities and linear up to 20,000; validation ≤ 1.5× frictionless alone. The bare
build keeps mkdocs' own search plugin, as the site had it before Pagefind (issue 16); the index
columns are the Pagefind bundle (decompressed / as stored, gzipped). What a first search
fetches and how long it takes: bench/search.py.
"""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench import page_weight  # noqa: E402
from bench.search import bare_config, run  # noqa: E402  (mkdocs.yml with the theme's own search, as before)
from bench.synth import PROVINCE, repo_with_activities  # noqa: E402

COMPARED_UP_TO = 20_000  # larger sizes: no bare build, no frictionless comparison


def measured(cmd: list[str], env: dict | None = None) -> tuple[float, float, str]:
    """Wall seconds, peak RSS in MB and stdout of one child process (os.wait4 gives its own rusage)."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, text=True, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0), err.seek(0)
        if proc.returncode:
            raise SystemExit(f"failed: {' '.join(cmd)}\n{err.read()[-2000:]}")
        return seconds, usage.ru_maxrss / 1024, out.read()


def search_bundle(site: Path) -> tuple[int, int]:
    """Bytes of the site's Pagefind bundle (site/pagefind/): decompressed, and as stored (gzipped)."""
    raw = stored = 0
    for p in (site / "pagefind").rglob("*"):
        if p.is_file():
            data = p.read_bytes()
            stored += len(data)
            raw += len(gzip.decompress(data)) if data[:2] == b"\x1f\x8b" else len(data)
    return raw, stored


VALIDATION_RUNS = 3


def one_size(n: int, py: str, weigh: bool = False, repeat: int = 1, compare: bool = True) -> dict:
    with tempfile.TemporaryDirectory(prefix=f"bench-{n}-") as tmp:
        root = repo_with_activities(n, Path(tmp) / "repo", PROVINCE)
        step = str(HERE / "step.py")
        docs = Path(tmp) / "docs"
        compared = compare and n <= COMPARED_UP_TO
        if compared:
            measured([py, step, "docs", str(root), str(docs)])
        full_s = bare_s = ours = fric = fric_read = float("inf")
        full_mb = 0.0
        # Full and bare builds alternate, `repeat` times each, and the fastest of each counts:
        # on a shared virtual machine one run of the same build varied by a quarter.
        for _ in range(repeat):
            shutil.rmtree(root / "site", ignore_errors=True)
            seconds, tree_mb = run([py, step, "full", str(root), str(root / "site")], sample=True)
            full_s, full_mb = min(full_s, seconds), max(full_mb, tree_mb)
            if not compared:
                continue
            shutil.rmtree(Path(tmp) / "bare", ignore_errors=True)
            seconds, _, _ = measured([py, "-m", "mkdocs", "build", "-q", "-f", str(bare_config(root, docs)), "-d", str(Path(tmp) / "bare")],
                                     env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
            bare_s = min(bare_s, seconds)
        for _ in range(VALIDATION_RUNS if compared else 0):  # alternating too, fastest counts (CPU time varies on this VM as well)
            ours = min(ours, float(measured([py, step, "validate", str(root)])[2]))
            flat, read = map(float, measured([py, step, "frictionless", str(root)])[2].split())
            fric, fric_read = min(fric, flat), min(fric_read, read)
        record = max((root / "data/activities").rglob("*.yaml"))  # the latest: a live activity
        check_first = measured([py, step, "check", str(root), str(record)])[0]  # builds the duplicate index
        check_next = measured([py, step, "check", str(root), str(record)])[0]
        edit_s = edit_to_visible(py, root, record)
        site = root / "site"
        files = [p for p in site.rglob("*") if p.is_file()]
        pages = [p for p in (site / "activities").glob("*/index.html") if p.parent.name[:4].isdigit()]
        index_raw, index_gz = search_bundle(site)
        weight = {"weight": page_weight.measure(site)} if weigh else {}  # Chromium, before tmp goes
        return weight | {
            "n": n, "full_s": full_s, "full_mb": full_mb, "bare_s": bare_s,
            "validate_s": ours, "frictionless_s": fric, "frictionless_read_s": fric_read,
            "page_kb": sum(p.stat().st_size for p in pages) / len(pages) / 1024,
            "site_mb": sum(p.stat().st_size for p in files) / 2**20, "files": len(files),
            "check_first_s": check_first, "check_s": check_next, "edit_s": edit_s,
            "index_raw": index_raw,
            "index_gz": index_gz,
        }


def _says(out, text: str) -> bool:
    out.seek(0)
    return text in out.read()


def edit_to_visible(py: str, root: Path, record: Path) -> float:
    """Seconds from saving a changed title in record to `serve` (started on the site just built)
    sending the page with it; the page's own poll (once a second) comes on top in a browser."""
    import socket
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with tempfile.TemporaryFile("w+") as out:
        proc = subprocess.Popen([py, "-m", "build_tools", "serve", "--reuse", "--root", str(root), "--port", str(port)],
                                cwd=HERE.parent, stdout=out, stderr=subprocess.DEVNULL, text=True)
        try:
            while not _says(out, "网站地址"):
                time.sleep(0.1)
            time.sleep(1)  # the watcher is set up after the address is printed
            url = f"http://127.0.0.1:{port}/activities/{record.stem}/"
            text = record.read_text(encoding="utf-8")
            started = time.perf_counter()
            record.write_text(text.replace("title: ", "title: 改过的", 1), encoding="utf-8")
            while "改过的" not in urllib.request.urlopen(url).read().decode("utf-8"):
                time.sleep(0.05)
            return time.perf_counter() - started
        finally:
            proc.send_signal(2)  # SIGINT: serve stops as on Ctrl+C
            proc.wait(30)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="*", default=[100, 1000, 5000, 20000])
    ap.add_argument("--stat-rows", type=int, nargs="*", default=[10000, 100000])
    ap.add_argument("--repeat", type=int, default=2,
                    help="full and bare builds per size, alternating; the fastest counts (sizes over 5,000: once)")
    ap.add_argument("--province-only", action="store_true",
                    help="only the province's figures (memory, files, size, check, edit): no bare build, no frictionless comparison")
    ap.add_argument("--page-weight", action="store_true",
                    help="also load one page of each kind in Chromium (gzipped) and print the first-load weights")
    args = ap.parse_args()
    py = sys.executable
    rows: list[dict] = []
    header = ("activities", "build s", "peak MB (tree PSS)", "bare mkdocs s", "build/bare", "s per 1k",
              "validate CPU s", "frictionless CPU s (flat CSV)", "val/fric", "frictionless + YAML read CPU s", "val/(fric+read)", "KB/page", "site MB", "index KB/1k (marginal)", "index gz KB/1k (marginal)",
              "site files", "check s (first, builds index)", "check s", "edit to served s")
    print(" | ".join(header))
    print(" | ".join("---" for _ in header))
    for n in args.sizes:
        r = one_size(n, py, args.page_weight, args.repeat if n <= 5000 else 1, compare=not args.province_only)
        # The index per 1,000 activities is marginal: the fixed pages (statistics, guides) are
        # subtracted by comparing with the previous size; the first size shows the whole index.
        prev = rows[-1] if rows else {"n": 0, "index_raw": 0, "index_gz": 0}
        r["index_kb_per_1000"] = (r["index_raw"] - prev["index_raw"]) / 1024 * 1000 / (n - prev["n"])
        r["index_gz_kb_per_1000"] = (r["index_gz"] - prev["index_gz"]) / 1024 * 1000 / (n - prev["n"])
        rows.append(r)
        print(" | ".join(_cells(n, r)), flush=True)
    if args.page_weight:
        weight_table(rows)
    if args.stat_rows:
        statistics_table(args.stat_rows, py)


def _cells(n: int, r: dict) -> list[str]:
    """One table row; "—" where a size skipped a measurement (over COMPARED_UP_TO)."""

    def f(value: float, digits: int = 2) -> str:
        return "—" if value in (float("inf"), 0.0) or value != value else f"{value:.{digits}f}"

    def ratio(a: float, b: float) -> str:
        return "—" if float("inf") in (a, b) else f"{a / b:.2f}"

    return [
        f"{n:,}", f(r["full_s"], 1), f(r["full_mb"], 0), f(r["bare_s"], 1), ratio(r["full_s"], r["bare_s"]),
        f(r["full_s"] / n * 1000, 1), f(r["validate_s"]), f(r["frictionless_s"]), ratio(r["validate_s"], r["frictionless_s"]),
        f(r["frictionless_read_s"]), ratio(r["validate_s"], r["frictionless_read_s"]), f(r["page_kb"], 1), f(r["site_mb"], 1),
        f"{r['index_kb_per_1000']:.0f}", f"{r['index_gz_kb_per_1000']:.0f}",
        f"{r['files']:,}", f(r["check_first_s"]), f(r["check_s"]), f(r["edit_s"]),
    ]


def weight_table(rows: list[dict]) -> None:
    """First-load page weight per size (bench/page_weight.py): budget 150 KB, search index apart."""
    print("\n" + " | ".join(page_weight.HEADER))
    print(" | ".join("---" for _ in page_weight.HEADER))
    for r in rows:
        print(" | ".join(page_weight.row(r["n"], r["weight"])))
    for r in rows:
        print("\n".join(page_weight.over_budget(r["n"], r["weight"])) or f"  {r['n']:,} 项活动：每个页面都在 150 KB 以内")


def statistics_table(sizes: list[int], py: str) -> None:
    """Statistics tables: our validation (schema, disclosure rules, LP audit) against frictionless alone."""
    print("\nstatistics rows | validate s (CPU) | of which cross-table rules + LP audit s | frictionless alone s | val/fric | val without audit/fric | peak MB")
    print("--- | --- | --- | --- | --- | --- | ---")
    for n in sizes:
        with tempfile.TemporaryDirectory(prefix=f"bench-stats-{n}-") as tmp:
            root = repo_with_activities(10, Path(tmp) / "repo")
            _, peak, out = measured([py, str(HERE / "step.py"), "stats", str(root), str(n)])
            rows, ours, theirs, audit = out.split()
            ours, theirs, audit = float(ours), float(theirs), float(audit)
            print(f"{int(rows):,} | {ours:.2f} | {audit:.2f} | {theirs:.2f} | {ours / theirs:.2f} | "
                  f"{(ours - audit) / theirs:.2f} | {peak:.0f}", flush=True)


if __name__ == "__main__":
    main()
