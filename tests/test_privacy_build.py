"""The privacy scan in validation and in the build: nothing personal reaches site/."""

import datetime as dt
import hashlib
import re
import subprocess
import sys

from build_tools import ROOT
from build_tools.build import build
from build_tools.privacy.files import scan_site
from build_tools.report.problems import Report
from tests.conftest import SAMPLE

TODAY = dt.date(2026, 11, 22)
ID = "430603201503124519"  # fictional, valid check character
MOBILE = "13912345678"
BASE = SAMPLE.read_text(encoding="utf-8")


def digest(site):
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(site.rglob("*")) if p.is_file()}


def validate(*args):
    proc = subprocess.run([sys.executable, "-m", "build_tools", "validate", *map(str, args)], cwd=ROOT, capture_output=True, text=True)
    return proc.returncode, proc.stdout


def test_validate_shows_schema_and_privacy_problems_in_one_report(write_record):
    text = BASE.replace("  - 详情见", "  - 学生证件号 4306032015**0312**4519，详情见").replace("title: 寒假前安全教育讲座", "title: 寒假前安全教育讲座\nchild: x")
    code, out = validate(write_record(text))
    assert code == 1
    assert re.findall(r":(\d+):(?:\d+:)? \S* ?\[([a-z/-]+)\]", out) == [
        (str(text[: text.index("child:")].count("\n") + 1), "schema/unknown-field"),
        (str(text[: text.index("学生证件号")].count("\n") + 1), "privacy/id-number"),
    ]
    assert ID not in out and "4306032015" not in out


def test_mobile_without_consent_is_reported_once(write_record):
    code, out = validate(write_record(BASE.replace("  phone: 0730-8123456", f'  phone: "{MOBILE}"')))
    assert code == 1 and out.count("[privacy/mobile-without-consent]") == 1 and MOBILE not in out


def test_id_number_in_a_content_page_stops_the_build(repo_copy, tmp_path, capsys):
    site = tmp_path / "site"
    assert build(TODAY, site, root=repo_copy) == 0
    before = digest(site)
    page = repo_copy / "content/about/index.md"
    # Split by emphasis. content/ is scanned with data/ before anything is built (issue 14), so the
    # page is named as written; the built page and the search index are scanned as well (below).
    page.write_text(page.read_text(encoding="utf-8") + f"\n\n学生证件号 {ID[:8]}**{ID[8:12]}**{ID[12:]}。\n", encoding="utf-8")
    assert build(TODAY, site, root=repo_copy) == 1
    assert digest(site) == before
    err = capsys.readouterr().err
    assert "content/about/index.md" in err and "[privacy/id-number]" in err and "数据有错误，网站没有构建" in err
    assert ID not in err and ID[:8] not in err
    report = Report()
    (site / "about/index.html").write_text(f"<p>学生证件号 {ID[:8]}<strong>{ID[8:12]}</strong>{ID[12:]}</p>", encoding="utf-8")
    scan_site(site, report)
    assert [(p.file, p.code) for p in report.problems] == [("site/about/index.html", "privacy/id-number")]


def test_the_search_index_is_scanned_decompressed(built_site, tmp_path):
    """Pagefind's page fragments (JSON) and index chunks (CBOR) are gzip streams behind a signature
    (build_tools/privacy/pagefind.py): a page that validation could not have seen (written into a
    copy of the built site) is found again in them."""
    import shutil

    from build_tools.engine.search_index import indexing

    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    shutil.rmtree(site / "pagefind")
    page = site / "about/index.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace("</article>", f"<p>学生证件号 {ID}</p></article>", 1), encoding="utf-8")
    with indexing(site):
        pass
    report = Report()
    scan_site(site, report)
    found = {p.file for p in report.problems if p.code == "privacy/id-number"}
    assert "site/about/index.html" in found
    assert any(re.fullmatch(r"site/pagefind/fragment/zh_\w+\.pf_fragment", f) for f in found), found
    assert any(re.fullmatch(r"site/pagefind/index/zh_\w+\.pf_index", f) for f in found), found


def test_consented_organiser_mobile_is_published(repo_copy, tmp_path):
    record = next((repo_copy / "data/activities").rglob("*.yaml"))
    text = record.read_text(encoding="utf-8")
    phone_line = re.search(r"\n  phone: .*\n", text).group()
    record.write_text(text.replace(phone_line, f'\n  phone: "{MOBILE}"\n  consent: "true"\n'), encoding="utf-8")
    site = tmp_path / "site"
    assert build(TODAY, site, root=repo_copy) == 0
    assert MOBILE in (site / "activities" / record.stem / "index.html").read_text(encoding="utf-8")
