"""Benchmark of the search (issue 16): build time against a bare mkdocs build with the theme's
search, and what a first search costs a visitor, at 1,000, 5,000 and 20,000 activities.

    .venv/bin/python bench/search.py                           # 1,000, 5,000, 20,000 activities
    .venv/bin/python bench/search.py --sizes 1000 --repeat 1   # a quick look

For each size (bench/synth.py's records): the full build (validate → generate → mkdocs →
Pagefind → scan → swap) and a bare `mkdocs build` of the same generated pages with mkdocs'
search plugin (lunr, as the site had it before) alternate `--repeat` times, the fastest of each
counts (the machine is shared: timings are compared as ratios of commands run alternately);
memory is the whole process tree of the full build (PSS summed over every process, sampled).
Then Chromium at phone size opens the home page (cache off, served gzipped), opens the search
from the header and types each query: bytes on the wire from opening the search to the results
(pagefind.js, its worker and WebAssembly, index chunks, fragments, the synonym table, the
stylesheet) and the time from the query reaching the box to the first result on screen; on the
desktop CPU unthrottled and on slow 4G (1.6 Mbps down, 150 ms round trip), applied by the server
(serve_through: Pagefind's requests come from a web worker, which a page's CDP emulation misses).
Each is measured typed at once after opening (the whole first search after the key) and typed
one second after opening (as a visitor types: the program loads meanwhile); median / max of
the queries. Targets: ≤ 100 KB on the wire and ≤ 300 ms (desktop) / ≤ 1.5 s (slow 4G) at 20,000
activities; the full build at 5,000 no slower than the bare build with its search.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench.synth import repo_with_activities  # noqa: E402

QUERIES = ["防溺水", "模拟法庭", "融水 夏令营", "寒假前安全教育讲座", "心里健康"]
SLOW_4G = {"latency": 150, "downloadThroughput": 1.6e6 / 8}  # ms round trip, bytes per second (1.6 Mbps)


def tree_pss_mb(pid: int) -> float:
    """PSS of a process and all its descendants, in MB (/proc/*/smaps_rollup)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                ppid = int(Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        todo += children.get(p, [])
        try:
            for line in Path(f"/proc/{p}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def run(cmd: list[str], env: dict | None = None, sample: bool = False) -> tuple[float, float]:
    """Wall seconds and (if sample) the peak PSS of the whole process tree of one command."""
    peak = [0.0]
    with tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, text=True, env=env)

        def watch():
            while proc.poll() is None:
                peak[0] = max(peak[0], tree_pss_mb(proc.pid))
                time.sleep(0.25)

        watcher = threading.Thread(target=watch, daemon=True)
        if sample:
            watcher.start()
        proc.wait()
        seconds = time.perf_counter() - started
        if sample:
            watcher.join()
        if proc.returncode:
            err.seek(0)
            raise SystemExit(f"failed: {' '.join(cmd)}\n{err.read()[-2000:]}")
    return seconds, peak[0]


def bare_config(root: Path, docs: Path) -> Path:
    """mkdocs.yml with the generated docs and mkdocs' own search plugin (lunr + jieba), as before."""
    text = (root / "mkdocs.yml").read_text(encoding="utf-8").replace("docs_dir: content", f"docs_dir: {docs}")
    assert "plugins: []" in text
    cfg = root / "mkdocs-bare.yml"
    cfg.write_text(text.replace("plugins: []", "plugins:\n  - search:\n      lang: zh"), encoding="utf-8")
    return cfg


def builds(n: int, tmp: Path, repeat: int, bare: bool = True) -> dict:
    py, step = sys.executable, str(HERE / "step.py")
    root = repo_with_activities(n, tmp / "repo")
    docs = tmp / "docs"
    if bare:  # the generated pages, for the bare build
        run([py, step, "docs", str(root), str(docs)])
    full = bare = float("inf")
    peak = 0.0
    for _ in range(repeat):  # alternating; the fastest of each counts
        shutil.rmtree(root / "site", ignore_errors=True)
        seconds, mb = run([py, step, "full", str(root), str(root / "site")], sample=True)
        full, peak = min(full, seconds), max(peak, mb)
        if not bare:
            continue
        shutil.rmtree(tmp / "bare", ignore_errors=True)
        seconds, _ = run([py, "-m", "mkdocs", "build", "-q", "-f", str(bare_config(root, docs)), "-d", str(tmp / "bare")],
                         env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        bare = min(bare, seconds)
    site = root / "site"
    bundle = sum(p.stat().st_size for p in (site / "pagefind").rglob("*") if p.is_file())
    lunr = (tmp / "bare/search/search_index.json").stat().st_size if bare else 0
    return {"root": root, "site": site, "full_s": full, "bare_s": bare, "peak_mb": peak,
            "bundle_mb": bundle / 2**20, "lunr_mb": lunr / 2**20}


class Link:
    """One shared downlink: every byte any response sends waits for its turn (bytes / rate)."""

    def __init__(self, rate: float | None = None, rtt: float = 0.0):
        self.rate, self.rtt, self.sent = rate, rtt, 0
        self._free, self._lock = time.monotonic(), threading.Lock()

    def send(self, n: int) -> None:
        with self._lock:
            self.sent += n
            if not self.rate:
                return
            self._free = max(time.monotonic(), self._free) + n / self.rate
            wait = self._free - time.monotonic()
        if wait > 0:
            time.sleep(wait)


def serve_through(site: Path, link: Link):
    """The gzip server (tools/quality/gzip_server.py) behind `link`: each request waits one round
    trip, every byte sent (headers and body, as compressed) is paced and counted. Throttling at the
    server covers Pagefind's web worker too, whose requests CDP network emulation of a page misses."""
    import functools
    import http.server
    from contextlib import contextmanager

    from tools.quality.gzip_server import GzipHandler

    class Paced:
        def __init__(self, raw):
            self.raw = raw

        def write(self, data):
            link.send(len(data))
            return self.raw.write(data)

        def __getattr__(self, name):  # closed, fileno…: the socket writer's own
            return getattr(self.raw, name)

    class Handler(GzipHandler):
        def setup(self):
            super().setup()
            self.wfile = Paced(self.wfile)

        def parse_request(self):  # the request has arrived: its answer starts one round trip later
            ok = super().parse_request()
            if link.rtt:
                time.sleep(link.rtt)
            return ok

    @contextmanager
    def serving():
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(site)))
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}"
        finally:
            server.shutdown()
            server.server_close()

    return serving()


def first_search(browser, site: Path, query: str, slow: bool, pause: float = 0.0) -> tuple[int, float]:
    """(bytes on the wire from opening the search to its results, ms from typing to the first result).

    pause: seconds between opening the search and typing (0: typed at once, everything a search
    needs is fetched after the key; 1: as a visitor types, the program loads meanwhile)."""
    from tests.search_ui import _DONE, _WATCH, PHONE

    link = Link()
    with serve_through(site, link) as base:
        context = browser.new_context(viewport=PHONE)
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        try:
            page.goto(base + "/", wait_until="networkidle")
            page.evaluate(_WATCH)
            if slow:
                link.rate, link.rtt = SLOW_4G["downloadThroughput"], SLOW_4G["latency"] / 1000
            link.sent = 0
            page.click('label.md-header__button[for="__search"]')
            page.wait_for_timeout(pause * 1000)
            page.fill("input.md-search__input", query)
            page.wait_for_function(_DONE, timeout=120_000)
            took = page.evaluate("() => window.__first - window.__typed")
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(500)
            return link.sent, took
        finally:
            context.close()


def visits(site: Path) -> dict:
    from tests.browser import chromium

    out = {}
    with chromium() as browser:
        for slow in (False, True):
            for pause in (0.0, 1.0):
                runs = [first_search(browser, site, q, slow, pause) for q in QUERIES]
                out[("slow" if slow else "desktop", pause)] = {
                    "kb_median": statistics.median(b for b, _ in runs) / 1024, "kb_max": max(b for b, _ in runs) / 1024,
                    "ms_median": statistics.median(t for _, t in runs), "ms_max": max(t for _, t in runs),
                }
    return out


HEADER = ("activities", "build s", "bare mkdocs + lunr s", "build/bare", "peak MB (tree PSS)", "Pagefind MB",
          "lunr index MB", "first search KB median / max", "desktop ms, typed at once", "desktop ms, typed 1 s after opening",
          "slow 4G ms, typed at once", "slow 4G ms, typed 1 s after opening")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="*", default=[1000, 5000, 20000])
    ap.add_argument("--repeat", type=int, default=2, help="full and bare builds per size, alternating (sizes over 5,000: once)")
    ap.add_argument("--no-bare", action="store_true", help="skip the bare mkdocs build (the visitor's side only)")
    args = ap.parse_args()
    print(" | ".join(HEADER))
    print(" | ".join("---" for _ in HEADER))
    for n in args.sizes:
        with tempfile.TemporaryDirectory(prefix=f"bench-search-{n}-") as tmp:
            b = builds(n, Path(tmp), args.repeat if n <= 5000 else 1, bare=not args.no_bare)
            v = visits(b["site"])
        kb = v[("desktop", 0.0)]
        print(" | ".join([
            f"{n:,}", f"{b['full_s']:.1f}", f"{b['bare_s']:.1f}", f"{b['full_s'] / b['bare_s']:.2f}" if b["bare_s"] < float("inf") else "–",
            f"{b['peak_mb']:.0f}",
            f"{b['bundle_mb']:.1f}", f"{b['lunr_mb']:.1f}", f"{kb['kb_median']:.0f} / {max(r['kb_max'] for r in v.values()):.0f}",
            *(f"{r['ms_median']:.0f} / {r['ms_max']:.0f}" for r in (v[k] for k in (("desktop", 0.0), ("desktop", 1.0), ("slow", 0.0), ("slow", 1.0)))),
        ]), flush=True)


if __name__ == "__main__":
    main()
