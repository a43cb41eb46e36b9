"""The statistics pages, charts and download bundle in the built site, checked as a visitor would:
the bundle validated by the frictionless command line, the pages read in Chromium on a phone."""

import csv
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from build_tools import ROOT
from build_tools.stats.contract import read_csv

INDICATORS = [r["code"] for r in read_csv(ROOT / "data/lists/indicators.csv")]
BUNDLE = "statistics/downloads/liushou-statistics.zip"


def test_every_indicator_has_a_page_two_charts_and_a_csv(built_site):
    for code in INDICATORS:
        assert (built_site / f"statistics/indicators/{code}/index.html").is_file()
        assert (built_site / f"statistics/downloads/{code}.csv").is_file()
        for chart in ("regions", "trend"):
            svg = (built_site / f"statistics/charts/{code}-{chart}.svg").read_text(encoding="utf-8")
            assert svg.startswith("<svg") and 'role="img"' in svg
            assert "<title id=\"chart-title\">" in svg and "<desc id=\"chart-desc\">" in svg
            assert "<script" not in svg and "href=\"http" not in svg and "@import" not in svg


def test_blank_cells_say_why(built_site):
    html = (built_site / "statistics/indicators/returned-to-school/index.html").read_text(encoding="utf-8")
    assert "隐藏" in html and "人数在 1 到 9 之间" in html and "一并隐藏" in html
    html = (built_site / "statistics/indicators/screening-follow-up/index.html").read_text(encoding="utf-8")
    assert "≈" in html and "四舍五入到 5 的倍数" in html


def test_bundle_is_a_valid_data_package_for_an_outside_user(built_site, tmp_path):
    with zipfile.ZipFile(built_site / BUNDLE) as zf:
        names = zf.namelist()
        assert names == sorted(names)
        assert all(i.date_time == (1980, 1, 1, 0, 0, 0) for i in zf.infolist())
        zf.extractall(tmp_path)
    assert {"README.md", "datapackage.json", "statistics.csv", "lists/indicators.csv"} <= set(names)
    readme = (tmp_path / "README.md").read_text(encoding="utf-8")
    assert "CC BY 4.0" in readme and "怎样引用" in readme and "示例数据" in readme
    frictionless = Path(sys.executable).parent / "frictionless"
    proc = subprocess.run([str(frictionless), "validate", "datapackage.json"], cwd=tmp_path, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "VALID" in proc.stdout and "INVALID" not in proc.stdout


def test_bundle_holds_every_published_row(built_site, tmp_path):
    with zipfile.ZipFile(built_site / BUNDLE) as zf:
        rows = list(csv.DictReader(zf.read("statistics.csv").decode("utf-8").splitlines()))
    published = sum(len(read_csv(p)) for p in sorted((ROOT / "data/statistics").glob("20*.csv")))
    assert len(rows) == published


def test_pages_stay_small(built_site):
    for page in (built_site / "statistics").rglob("*.html"):
        assert page.stat().st_size < 200_000, page


def paired_2025(county: str) -> tuple[str, str]:
    row = next(r for r in read_csv(ROOT / f"data/statistics/2025-{county}.csv")
               if (r["region"], r["level"], r["indicator"]) == (county, "all", "paired"))
    return row["value"], row["source"]


@pytest.fixture(scope="module")
def phone(site_url, browser):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    yield site_url, page, requests
    page.close()


def test_find_children_paired_in_a_county_last_year_and_the_source(phone):
    url, page, requests = phone
    value, source = paired_2025("450225")
    page.goto(url + "/statistics/")
    page.get_by_role("link", name="融水苗族自治县", exact=True).first.click()
    page.wait_for_url("**/statistics/regions/450225/")
    table = page.locator("table").filter(has_text="指标（年度）")
    header = [c.inner_text() for c in table.locator("th").all()]
    row = table.locator("tr").filter(has_text="结对帮扶的儿童").first
    cells = [c.inner_text() for c in row.locator("td").all()]
    assert cells[header.index("2025")] == value
    assert source in page.locator("article").inner_text()
    assert all(u.startswith(url + "/") for u in requests)


def test_chart_and_table_side_by_side_on_a_phone(phone):
    url, page, _ = phone
    page.goto(url + "/statistics/indicators/paired/")
    chart = page.locator("img[src$='paired-regions.svg']")
    assert chart.get_attribute("alt").startswith("条形图：结对帮扶的儿童")
    assert chart.evaluate("img => img.complete && img.naturalWidth > 0")
    assert chart.bounding_box()["width"] <= 390
    assert page.get_by_role("link", name="这一指标的 CSV").get_attribute("href") == "../../downloads/paired.csv"
