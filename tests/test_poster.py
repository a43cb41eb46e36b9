"""The A4 poster, printed to PDF by Chromium and read back with pypdf: every fact is on the sheet,
whole (never clipped), for every sample record and for a synthetic one with every printed field
at its schema maximum; the page's address is typed under its QR code."""

import datetime as dt
import io
import re
import unicodedata

import pytest
import yaml
from pypdf import PdfReader

from build_tools.build import build
from tests.browser import serve
from tests.conftest import SAMPLE, TODAY

LONG_ID = "2026-12-05-longest-poster"
REPEAT = {  # field → (words repeated up to the schema's maxLength)
    ("title",): ("防溺水安全教育讲座", 60),
    ("summary",): ("讲解防火交通和防溺水知识。", 120),
    ("venue", "name"): ("陆城镇中心小学实践基地", 80),
    ("venue", "address"): ("岳阳市云溪区陆城镇建设路", 120),
    ("audience", "summary"): ("三至六年级学生和家长", 120),
    ("contact", "role"): ("区教体局安全办公室", 60),
}


def long_record() -> dict:
    rec = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    rec["id"] = LONG_ID
    for path, (words, n) in REPEAT.items():
        node = rec
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = (words * n)[:n]
    rec["contact"]["email"] = "anquan-" + "x" * (80 - len("anquan-@example.gov.cn")) + "@example.gov.cn"
    return rec


@pytest.fixture(scope="module")
def poster_site(repo_copy_module):
    root = repo_copy_module
    path = root / "data/activities/2026" / f"{LONG_ID}.yaml"
    path.write_text(yaml.safe_dump(long_record(), allow_unicode=True, sort_keys=False), encoding="utf-8")
    site = root.parent / "site"
    assert build(dt.date.fromisoformat(TODAY), site, root=root) == 0
    with serve(site) as url:
        yield root, site, url


@pytest.fixture(scope="module")
def repo_copy_module(tmp_path_factory):
    import shutil

    from build_tools import ROOT

    root = tmp_path_factory.mktemp("poster") / "repo"
    for name in ("data", "content", "overrides"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    return root


# CJK Radicals Supplement forms the PDF's font maps some characters to; NFKC leaves these alone.
RADICALS = str.maketrans({"⻘": "青", "⻓": "长", "⺟": "母", "⺠": "民", "⻅": "见", "⻔": "门", "⻢": "马", "⻝": "食"})


def squeeze(text: str) -> str:
    """Without the line breaks, and NFKC: the PDF's fonts map some characters to their Kangxi radical
    forms (⼉ for 儿, ⽉ for 月), which NFKC folds back; RADICALS does the rest."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text).translate(RADICALS))


def facts(rec: dict, organizer: str, url: str) -> list[str]:
    c = rec["contact"]
    found = [rec["title"], rec["summary"], rec["venue"]["name"], rec["venue"]["address"], rec["audience"]["summary"],
             organizer, c["role"], c.get("phone", ""), c.get("email", ""), url]
    return [squeeze(str(f)) for f in found if f]


def printed(browser, url: str) -> tuple[int, str]:
    page = browser.new_page()
    try:
        page.route("**/pagefind/**", lambda route: route.abort())
        page.goto(url)
        pdf = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))
        return len(pdf.pages), squeeze("".join(p.extract_text() for p in pdf.pages))
    finally:
        page.close()


def test_every_fact_of_every_poster_is_printed_whole_on_one_sheet(browser, poster_site):
    root, site, url = poster_site
    orgs = {o["id"]: o["name"] for o in yaml.safe_load((root / "data/organizations.yaml").read_text(encoding="utf-8"))["organizations"]}
    site_url = "http://127.0.0.1:8000/"
    posters = sorted(site.glob("activities/*/poster/index.html"))
    ids = [p.parent.parent.name for p in posters]
    assert LONG_ID in ids and len(ids) >= 6
    for aid in ids:
        rec_path = next(root.glob(f"data/activities/*/{aid}.yaml"))
        rec = yaml.safe_load(rec_path.read_text(encoding="utf-8"))
        pages, text = printed(browser, f"{url}/activities/{aid}/poster/")
        assert pages == 1, aid
        missing = [f for f in facts(rec, orgs[rec["organizer"]], f"{site_url}activities/{aid}/") if f not in text]
        assert missing == [], (aid, missing)


def test_the_longest_record_gets_the_densest_type(poster_site):
    _, site, _ = poster_site
    html = (site / f"activities/{LONG_ID}/poster/index.html").read_text(encoding="utf-8")
    assert 'class="poster poster--denser"' in html
    assert "overflow: hidden" not in (site / "assets/activities.css").read_text(encoding="utf-8").split("@media print")[1].split("\n}\n")[0]
