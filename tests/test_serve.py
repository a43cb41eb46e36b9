"""`make serve` (issue 18): a changed activity record shows in the open browser by itself, an
invalid change prints its problems and keeps the last good page, and the reload script lives
only in what the preview server sends."""

from __future__ import annotations

import datetime as dt
import signal
import socket
import subprocess
import sys
import time

import pytest

from build_tools import ROOT

RECORD = "data/activities/2026/2026-03-23-bench-00011.yaml"
PAGE = "/activities/2026-03-23-bench-00011/"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(path, text: str, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while text not in (path.read_text(encoding="utf-8") if path.exists() else ""):
        assert time.monotonic() < deadline, f"{text!r} not in {path} after {seconds} s"
        time.sleep(0.1)


@pytest.fixture(scope="module")
def serving(tmp_path_factory):
    """(root, url, stdout file, stderr file) of `serve` running on twelve synthetic activities."""
    from bench.synth import repo_with_activities

    tmp = tmp_path_factory.mktemp("serve")
    root = repo_with_activities(12, tmp / "repo")
    port, out, err = _free_port(), tmp / "out.txt", tmp / "err.txt"
    with out.open("w") as o, err.open("w") as e:
        proc = subprocess.Popen([sys.executable, "-m", "build_tools", "serve", "--root", str(root), "--port", str(port),
                                 "--today", "2026-11-22"], cwd=ROOT, stdout=o, stderr=e)
    try:
        _wait_for(out, "网站地址", 600)
        yield root, f"http://127.0.0.1:{port}", out, err
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


def test_an_edit_shows_in_the_open_page_by_itself(serving, browser):
    root, url, out, err = serving
    page = browser.new_page()
    page.goto(url + PAGE)
    record = root / RECORD
    record.write_text(record.read_text(encoding="utf-8").replace("title: ", "title: 改过的", 1), encoding="utf-8")
    started = time.monotonic()
    try:
        page.wait_for_function("document.querySelector('h1').textContent.startsWith('改过的')", timeout=5_000)
    except Exception:
        raise AssertionError(out.read_text(encoding="utf-8")[-500:] + err.read_text(encoding="utf-8")[-1500:]) from None
    assert time.monotonic() - started < 5
    assert "已更新 " + PAGE in out.read_text(encoding="utf-8")
    page.close()


def test_an_invalid_edit_prints_problems_and_keeps_the_last_good_page(serving, browser):
    root, url, out, err = serving
    record = root / RECORD
    good = record.read_text(encoding="utf-8")
    page = browser.new_page()
    page.goto(url + PAGE)
    title = page.locator("h1").inner_text()
    record.write_text(good.replace('start: "2026-03-23T09:00:00+08:00"', 'start: "2026-13-45T09:00:00+08:00"'), encoding="utf-8")
    _wait_for(err, "页面没有更新", 10)
    assert "[schema/type]" in err.read_text(encoding="utf-8") and "Traceback" not in err.read_text(encoding="utf-8")
    page.reload()
    assert page.locator("h1").inner_text() == title
    record.write_text(good, encoding="utf-8")
    page.close()


def test_the_reload_script_is_only_in_what_the_preview_sends(serving):
    import urllib.request

    root, url, _, _ = serving
    sent = urllib.request.urlopen(url + PAGE).read().decode("utf-8")
    assert "/__preview/version" in sent
    on_disk = (root / "site" / PAGE.strip("/") / "index.html").read_text(encoding="utf-8")
    assert "/__preview/version" not in on_disk


def test_a_previewed_page_is_the_page_a_full_build_makes(serving, tmp_path):
    """The preview renders one page outside the full build: byte for byte what the build makes of it."""
    from build_tools.build import build

    root, url, out, _ = serving
    record = root / RECORD
    record.write_text(record.read_text(encoding="utf-8").replace("title: ", "title: 再改的", 1), encoding="utf-8")
    site = root / "site" / PAGE.strip("/") / "index.html"
    _wait_for(site, "再改的", 10)
    time.sleep(0.5)  # the whole file written
    assert build(dt.date(2026, 11, 22), tmp_path / "full", root=root) == 0
    assert site.read_bytes() == (tmp_path / "full" / PAGE.strip("/") / "index.html").read_bytes()
