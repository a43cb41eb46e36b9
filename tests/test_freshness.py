"""Nothing goes stale unseen (issue 19): an activity not confirmed shortly before its start shows
待核实; the link checker, tested offline against a local server that answers 200, 404, a redirect
and not at all, writes the file the build reads to mark a dead sign-up button."""

import dataclasses
import datetime as dt
import http.server
import json
import threading
import time

import pytest

from build_tools.build import build
from build_tools.model.link_status import STATUS_FILE, broken
from build_tools.model.status import CONFIRM_WITHIN_DAYS, unconfirmed
from build_tools.schools.link_check import check_all, write_status
from tests.test_status import lecture  # noqa: F401 (the sample lecture, 2026-12-05, as a fixture)

START = dt.date(2026, 12, 5)
DUE = START - dt.timedelta(days=CONFIRM_WITHIN_DAYS)


@pytest.mark.parametrize(
    "confirmed, today, changes, expected",
    [
        (DUE - dt.timedelta(days=1), DUE - dt.timedelta(days=1), {}, False),  # not yet due
        (DUE - dt.timedelta(days=1), DUE, {}, True),  # due, confirmed before
        (DUE, DUE, {}, False),  # confirmed on the due day
        (DUE - dt.timedelta(days=60), START, {}, True),  # on the day itself
        (DUE - dt.timedelta(days=60), START + dt.timedelta(days=1), {}, False),  # over: 已结束 says enough
        (DUE - dt.timedelta(days=60), START, {"status": "cancelled"}, False),
        (DUE - dt.timedelta(days=60), START, {"status": "postponed"}, True),
    ],
)
def test_unconfirmed(lecture, confirmed, today, changes, expected):  # noqa: F811
    activity = dataclasses.replace(lecture, last_confirmed=confirmed, **changes)
    assert unconfirmed(activity, today) is expected


class _Answers(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802
        if self.path == "/slow":
            time.sleep(2)
        if self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/ok")
            self.end_headers()
            return
        if self.path == "/moved-to-nothing":
            self.send_response(301)
            self.send_header("Location", "/gone")
            self.end_headers()
            return
        code = 200 if self.path in ("/ok", "/slow") else 404
        self.send_response(code)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(b"<p>x</p>")

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Answers)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_the_checker_against_a_local_server(server):
    urls = [f"{server}/{p}" for p in ("ok", "gone", "slow", "moved", "moved-to-nothing")] + ["http://127.0.0.1:9/closed"]
    began = time.monotonic()
    found = check_all(urls, timeout=0.5)
    assert time.monotonic() - began < 5  # a host that does not answer costs its timeout, no more
    assert {u.rsplit("/", 1)[1]: (r["ok"], r["status"]) for u, r in found.items()} == {
        "ok": (True, 200),
        "gone": (False, 404),
        "slow": (False, None),
        "moved": (True, 200),
        "moved-to-nothing": (False, 404),
        "closed": (False, None),
    }
    assert "秒内没有回答" in found[f"{server}/slow"]["reason"]


def test_the_status_file_is_what_the_build_reads(tmp_path, server):
    write_status(tmp_path, check_all([f"{server}/ok", f"{server}/gone"], timeout=1))
    assert broken(tmp_path) == {f"{server}/gone"}
    assert json.loads((tmp_path / STATUS_FILE).read_text(encoding="utf-8"))["links"][f"{server}/ok"]["ok"] is True
    (tmp_path / STATUS_FILE).write_text("{not json", encoding="utf-8")
    assert broken(tmp_path) == frozenset()  # an unreadable check marks nothing
    assert broken(tmp_path / "nowhere") == frozenset()


def test_a_dead_sign_up_link_turns_the_button_into_advice(repo_copy, tmp_path):
    signup = "https://signup.example.org.cn/yunxi/2027-summer-camp"
    policy = "https://www.gov.cn/zhengce/content/2016-02/14/content_5041066.htm"
    status = {"links": {signup: {"ok": False, "status": 404, "reason": "网站回答 404"},
                        policy: {"ok": False, "status": None, "reason": "10 秒内没有回答"}}}
    (repo_copy / STATUS_FILE).parent.mkdir(parents=True)
    (repo_copy / STATUS_FILE).write_text(json.dumps(status), encoding="utf-8")
    site = tmp_path / "site"
    assert build(dt.date(2026, 11, 22), site, root=repo_copy) == 0
    camp = (site / "activities/2027-07-10-yunxi-summer-camp/index.html").read_text(encoding="utf-8")
    assert "报名链接暂时无法打开，请先联系主办方" in camp and f'href="{signup}"' not in camp.split("facts")[1].split("share")[0]
    other = (site / "activities/2027-01-09-luzhai-winter-sports-day/index.html").read_text(encoding="utf-8")
    assert "报名链接暂时无法打开" not in other
    policies = (site / "policies/index.html").read_text(encoding="utf-8")
    assert policies.count("原文链接暂时无法打开") == 1
