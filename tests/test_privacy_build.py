"""The privacy scan in validation and in the build: nothing personal reaches site/."""

import datetime as dt
import hashlib
import re
import subprocess
import sys

from build_tools import ROOT
from build_tools.build import build

from .conftest import SAMPLE

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
    # Split by emphasis: only the built page (and the search index) show the whole number.
    page.write_text(page.read_text(encoding="utf-8") + f"\n\n学生证件号 {ID[:8]}**{ID[8:12]}**{ID[12:]}。\n", encoding="utf-8")
    assert build(TODAY, site, root=repo_copy) == 1
    assert digest(site) == before
    err = capsys.readouterr().err
    # The search index says it too: Pagefind's page fragment (JSON) and index chunk (CBOR), read
    # decompressed behind their signature (build_tools/privacy/pagefind.py).
    assert "site/about/index.html" in err
    assert re.search(r"site/pagefind/fragment/zh_\w+\.pf_fragment:\d+", err), err
    assert re.search(r"site/pagefind/index/zh_\w+\.pf_index:\d+", err), err
    assert "[privacy/id-number]" in err and "构建出的网站没有通过检查" in err
    assert ID not in err and ID[:8] not in err


def test_consented_organiser_mobile_is_published(repo_copy, tmp_path):
    record = next((repo_copy / "data/activities").rglob("*.yaml"))
    text = record.read_text(encoding="utf-8")
    phone_line = re.search(r"\n  phone: .*\n", text).group()
    record.write_text(text.replace(phone_line, f'\n  phone: "{MOBILE}"\n  consent: "true"\n'), encoding="utf-8")
    site = tmp_path / "site"
    assert build(TODAY, site, root=repo_copy) == 0
    assert MOBILE in (site / "activities" / record.stem / "index.html").read_text(encoding="utf-8")
