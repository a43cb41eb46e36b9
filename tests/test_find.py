"""Finding activities without JavaScript (month and status pages), the `published` field, and
the one source of the site's address."""

import datetime as dt

from build_tools import ROOT
from build_tools.engine.mkdocs_edge import site_url
from build_tools.model.groupings import months_of
from tests.conftest import SAMPLE, problems_of

BASE = SAMPLE.read_text(encoding="utf-8")


def test_months_of_spans_a_year_end():
    assert months_of(dt.date(2026, 11, 28), dt.date(2027, 1, 16)) == ["2026-11", "2026-12", "2027-01"]
    assert months_of(dt.date(2026, 12, 5), dt.date(2026, 12, 5)) == ["2026-12"]


def test_month_and_status_pages_exist_without_javascript(built_site):
    tutoring = "2026-11-28-rongshui-saturday-tutoring/"
    for month in ("2026-11", "2026-12", "2027-01"):  # an activity across months is listed in each
        assert tutoring in (built_site / f"activities/months/{month}/index.html").read_text(encoding="utf-8")
    full = (built_site / "activities/status/full/index.html").read_text(encoding="utf-8")
    assert tutoring in full and "2027-07-10-yunxi-summer-camp/" not in full
    months = (built_site / "activities/months/index.html").read_text(encoding="utf-8")
    assert "2026年12月" in months


def test_published_is_an_optional_date(write_record):
    with_date = BASE.replace('last_confirmed: "2026-11-20"', 'last_confirmed: "2026-11-20"\npublished: "2026-11-21"')
    assert with_date != BASE
    assert problems_of(write_record(with_date)) == []
    bad = BASE.replace('last_confirmed: "2026-11-20"', 'last_confirmed: "2026-11-20"\npublished: "2026-13-01"')
    text = bad
    assert problems_of(write_record(bad)) == [("schema/type", text[: text.index("published:")].count("\n") + 1)]


def test_site_url_comes_from_mkdocs_yml_and_its_env_var(monkeypatch):
    monkeypatch.delenv("PORTAL_SITE_URL", raising=False)
    assert site_url(ROOT / "mkdocs.yml") == "http://127.0.0.1:8000/"
    monkeypatch.setenv("PORTAL_SITE_URL", "https://liushou.example.org.cn/portal")
    assert site_url(ROOT / "mkdocs.yml") == "https://liushou.example.org.cn/portal/"


def test_published_date_orders_the_atom_feed(tmp_path):
    import dataclasses
    import xml.etree.ElementTree as ET

    from build_tools.exports.atom_feed import atom
    from build_tools.generate import context
    from build_tools.validate import validate_all

    ctx = context(validate_all(ROOT)[1], dt.date(2026, 11, 22), tmp_path)
    late = "2027-03-13-suxian-mental-health-day"
    activities = [
        dataclasses.replace(a, published=dt.date(2026, 11, 30)) if a.id == late else a for a in ctx.activities
    ]
    feed = ET.fromstring(atom(dataclasses.replace(ctx, activities=activities)))
    ns = "{http://www.w3.org/2005/Atom}"
    first = feed.find(f"{ns}entry")
    assert first.find(f"{ns}id").text.endswith("/" + late)
    assert first.find(f"{ns}published").text.startswith("2026-11-30")
    assert feed.find(f"{ns}updated").text.startswith("2026-11-30")
