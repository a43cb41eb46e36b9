"""The search index (Pagefind, build_tools/engine/search_index.py) on the built site, and the privacy scan
reading it: fragments (JSON) and index chunks (CBOR) decompressed behind Pagefind's signature."""

import gzip
import json

import pytest

from build_tools.detect.detectors import BLOCKING
from build_tools.engine.search_index import BUNDLE, UNUSED, SearchIndexFailed, indexing, searchable_pages
from build_tools.privacy.files import SiteScan
from build_tools.privacy.pagefind import SIGNATURE, NotReadable, cbor_strings
from build_tools.privacy.scan import Scanner
from build_tools.report.problems import Report

ID = "430603201503124519"  # fictional, valid check character


def pagefind_file(payload: bytes) -> bytes:
    return gzip.compress(SIGNATURE + payload, mtime=0)


def cbor_text(s: str) -> bytes:
    raw = s.encode("utf-8")
    assert len(raw) < 24
    return bytes([0x60 | len(raw)]) + raw


def scan(name: str, data: bytes) -> list[tuple[str, str]]:
    scanner = Scanner(Report(), detectors=BLOCKING, every_type=True)
    scanner.blob(name, data)
    return [(p.code, p.file) for p in scanner.report.problems]


def fragments(site):
    """Every page fragment of the index, decoded (url, title, filters, meta…)."""
    for path in sorted((site / BUNDLE / "fragment").glob("*.pf_fragment")):
        yield json.loads(gzip.decompress(path.read_bytes())[len(SIGNATURE):])


def test_cbor_strings_reads_every_text_and_number():
    # [["学生", 1], {"k": "430603201503124519"}, -5]
    doc = b"\x83\x82" + cbor_text("学生") + b"\x01" + b"\xa1" + cbor_text("k") + b"\x72" + ID.encode() + b"\x24"
    assert cbor_strings(doc) == ["学生", "1", "k", ID, "-5"]


@pytest.mark.parametrize("broken", [b"\x82\x61", b"\x7f\x61a\xff", b"\x1c"])
def test_cbor_that_does_not_parse_is_not_readable(broken):
    with pytest.raises(NotReadable):
        cbor_strings(broken)


def test_an_id_number_in_an_index_chunk_a_filter_or_a_fragment_is_found():
    chunk = b"\x81\x82\x72" + ID.encode() + b"\x80"  # one word with its (empty) page list
    assert scan("site/pagefind/index/zh_1.pf_index", pagefind_file(chunk)) == [("privacy/id-number", "site/pagefind/index/zh_1.pf_index")]
    assert scan("site/pagefind/filter/zh_1.pf_filter", pagefind_file(chunk))[0][0] == "privacy/id-number"
    fragment = json.dumps({"url": "/a/", "content": f"学生证件号 {ID}。"}, ensure_ascii=False).encode()
    assert scan("site/pagefind/fragment/zh_1.pf_fragment", pagefind_file(fragment)) == [
        ("privacy/id-number", "site/pagefind/fragment/zh_1.pf_fragment")]


def test_what_cannot_be_read_behind_the_signature_is_not_published():
    assert scan("site/pagefind/index/zh_1.pf_index", pagefind_file(b"\x82\x61"))[0][0] == "privacy/not-scanned"
    assert scan("site/pagefind/other.bin", pagefind_file(b"\x00\x01"))[0][0] == "privacy/not-scanned"
    assert scan("site/pagefind/wasm.unknown.pagefind", pagefind_file(b"\x00asm\x01\x00\x00\x00")) == []


def test_the_built_index_is_clean_and_every_file_of_it_is_read(built_site):
    names = sorted(p.relative_to(built_site).as_posix() for p in (built_site / BUNDLE).rglob("*") if p.is_file())
    scanner = Scanner(Report(), detectors=BLOCKING, every_type=True)
    for name in names:
        scanner.path(built_site / name, f"site/{name}")
    assert scanner.report.problems == [] and scanner.skipped == []
    assert any(n.endswith(".pf_index") for n in names) and any(n.endswith(".pf_fragment") for n in names)
    assert SiteScan(built_site, ahead=False).finish(Report()) > len(names)


def test_only_what_the_search_needs_is_published(built_site):
    assert searchable_pages(built_site) > 40
    assert not [name for name in UNUSED if (built_site / BUNDLE / name).exists()]
    assert not (built_site / "search/search_index.json").exists()  # the theme's lunr index is gone


def test_posters_and_list_pages_are_not_results(built_site):
    urls = [f["url"] for f in fragments(built_site)]
    assert "/activities/2027-07-10-yunxi-summer-camp/" in urls and "/safety/drowning/" in urls
    assert not [u for u in urls if u.endswith("/poster/")]
    assert not [u for u in urls if u == "/activities/" or "/page/" in u or u.count("/") == 4 and "/activities/types/" in u]


def test_an_activity_page_gives_the_search_its_facts_and_text_but_not_the_repeated_panels(built_site):
    camp = next(f for f in fragments(built_site) if f["url"] == "/activities/2027-07-10-yunxi-summer-camp/")
    assert camp["meta"]["title"] == "2027年云溪区关爱农村留守儿童夏令营"
    assert camp["filters"] == {"type": ["夏令营"], "county": ["岳阳市云溪区"], "month": ["2027-07"], "status": ["招募中"]}
    assert camp["meta"]["status"] == "招募中" and camp["meta"]["when"].startswith("2027年7月10日")
    text = camp["content"].replace("\u200b", "")  # Pagefind marks its word boundaries with zero-width spaces
    assert "篝火晚会" in text  # the timetable
    assert "不与任何一名儿童单独相处" not in text and "扫码打开本页" not in text  # safeguarding, sharing
    assert "本站不收集志愿者的任何信息" not in text and "编辑此记录" not in text
    assert "孩子遇到危险？紧急拨打" not in text  # the help bar on every page


def test_a_site_whose_pages_have_no_content_for_the_index_is_not_published(tmp_path):
    (tmp_path / "index.html").write_text('<html lang="zh"><body><p>没有主题的正文</p></body></html>', encoding="utf-8")
    with pytest.raises(SearchIndexFailed, match="搜索索引"):  # Pagefind itself refuses an empty index
        with indexing(tmp_path):
            pass


def test_a_failure_while_pagefind_runs_stops_it_and_keeps_its_own_error(tmp_path):
    with pytest.raises(ZeroDivisionError):
        with indexing(tmp_path):
            1 / 0  # noqa: B018 (the error is the point)
