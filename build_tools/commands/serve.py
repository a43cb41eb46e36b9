"""`serve [--port N] [--today YYYY-MM-DD]`: build, serve on 127.0.0.1, and show every change.

Watches data/, content/, overrides/ and mkdocs.yml (watchfiles). A change to activity records
only is shown in seconds (schools/preview.py renders just their pages); any other change runs the full
build again. Problems are printed in Chinese and the last good site keeps being served (a
failed build never touches site/). Pages reload themselves: the server adds a small script to
each HTML page it sends, which asks /__preview/version once a second. The script exists only in
what this server sends, never in site/ or the deployed build.
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
import time
from pathlib import Path

from .. import ROOT
from .today import parse_day, resolve_today

WATCHED = ("data", "content", "overrides", "mkdocs.yml")
VERSION_PATH = "/__preview/version"
# The version the page was sent with is written into it: a change made before its first poll counts too.
RELOAD = ("<script>(function(){{var seen='{version}';setInterval(function(){{fetch('" + VERSION_PATH +
          "',{{cache:'no-store'}}).then(function(r){{return r.text()}}).then(function(v){{if(v!==seen)location.reload()}})"
          ".catch(function(){{}})}},1000)}})()</script>")


def register(sub) -> None:
    p = sub.add_parser("serve", help="构建网站并在本机预览，数据改动后自动更新")
    p.add_argument("--today", type=parse_day, default=None, help="构建日期 YYYY-MM-DD（默认读环境变量 PORTAL_TODAY，再默认今天）")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--root", type=Path, default=ROOT, help="仓库文件夹（默认本仓库）")
    p.add_argument("--reuse", action="store_true", help="不先构建：直接预览上一次 serve 留下的网站（基准测试用，或刚刚构建过时）")
    p.set_defaults(run=run)


class Version:
    """A counter the pages poll: it goes up each time the served site changed."""

    def __init__(self):
        self.value = 0

    def bump(self) -> None:
        self.value += 1


def run(args) -> int:
    from ..build import build

    today, root = resolve_today(args.today), args.root.resolve()
    site, docs, version = root / "site", root / ".preview/docs", Version()
    reused = args.reuse and site.is_dir() and docs.is_dir()
    if not reused and build(today, site, root=root, keep_docs=docs) != 0 and not site.is_dir():
        print("网站还没有构建成功过，无法预览。请按上面的提示改正后再运行 make serve。", file=sys.stderr)
        return 1
    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), functools.partial(_Handler, version, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"网站地址：http://127.0.0.1:{args.port}/  （按 Ctrl+C 停止；改动 {'、'.join(WATCHED)} 后页面自动更新）", flush=True)
    try:
        watch(root, today, site, docs, version)
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
    return 0


def watch(root: Path, today, site: Path, docs: Path, version: Version) -> None:
    """Each batch of changes: activity records alone → their pages; anything else → a full build."""
    from watchfiles import watch as changes

    from ..build import build
    from ..report.problems import format_report
    from ..schools.preview import can_preview, show

    for batch in changes(*(root / w for w in WATCHED), debounce=200, step=50):
        started = time.perf_counter()
        # An editor saves through a temporary file that is gone by now: only what still exists
        # counts, and a record that went (a .yaml file deleted), which needs the full build.
        changed = sorted({Path(p) for _, p in batch if Path(p).exists() or p.endswith(".yaml")})
        if not changed:
            continue
        if can_preview(changed) and docs.is_dir():
            shown = show(changed, docs, site, today, root)
            if shown.report.problems:
                print(format_report(shown.report, "text"), file=sys.stderr, flush=True)
            if shown.report.errors:
                print("改动有错误，页面没有更新：网站仍是上一次正确的版本。请按提示改正后保存。", file=sys.stderr, flush=True)
                continue
            print(f"已更新 {'、'.join(shown.urls)}（{time.perf_counter() - started:.1f} 秒）。列表页、订阅和搜索在下次完整构建时更新。",
                  flush=True)
        elif build(today, site, root=root, keep_docs=docs) != 0:
            print("改动有错误，网站没有重新构建：仍是上一次正确的版本。", file=sys.stderr, flush=True)
            continue
        version.bump()


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves site/; HTML pages get the reload script, /__preview/version the counter."""

    def __init__(self, version: Version, *args, **kwargs):
        self.version = version
        super().__init__(*args, **kwargs)

    def do_GET(self):
        if self.path == VERSION_PATH:
            return self._send(str(self.version.value).encode(), "text/plain; charset=utf-8")
        path = Path(self.translate_path(self.path))
        page = path / "index.html" if path.is_dir() else path
        if page.suffix == ".html" and page.is_file() and (path.is_file() or self.path.split("?")[0].endswith("/")):
            script = RELOAD.format(version=self.version.value).encode()  # before the page: never newer than it
            body = page.read_bytes()
            at = body.rfind(b"</body>")
            return self._send(body[:at] + script + body[at:] if at >= 0 else body + script, "text/html; charset=utf-8")
        return super().do_GET()

    def _send(self, body: bytes, kind: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass
