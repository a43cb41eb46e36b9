"""The build: validate → generate → mkdocs --strict in a temporary folder → swap into site/."""

import datetime as dt
import gzip
import hashlib

from build_tools.build import build

TODAY = dt.date(2026, 11, 22)


def digest(site):
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(site.rglob("*")) if p.is_file()}


def test_site_has_every_activity_page(built_site):
    from build_tools.validate import activity_files

    for f in activity_files():
        assert (built_site / "activities" / f.stem / "index.html").is_file()
    assert (built_site / "activities/types/summer-camp/index.html").is_file()
    assert (built_site / "activities/regions/430603/index.html").is_file()


def test_activity_pages_stay_out_of_the_nav(built_site):
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert "2027-07-10-yunxi-summer-camp" not in home


def test_no_google_fonts_and_no_other_host(built_site):
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


# Pagefind 1.5.2 (the newest release on PyPI) writes the values of each filter, and the filters in its
# metadata, in hash-map order, which changes from run to run (fixed upstream after 1.5.2: "completion of
# deterministic output", Pagefind #1124). These files, and the two that name them by their hash, are
# compared by what they hold; every other file byte for byte. With a newer Pagefind, drop this.
PAGEFIND_UNORDERED = ("pagefind/filter/", "pagefind/pagefind.", "pagefind/pagefind-entry.json")


def unordered_content(site):
    """What the order-dependent Pagefind files hold: each filter's values and pages, the metadata's page list."""
    from build_tools.privacy.pagefind import SIGNATURE, cbor_strings

    files = sorted((site / "pagefind/filter").glob("*.pf_filter"))
    filters = sorted(sorted(cbor_strings(gzip.decompress(p.read_bytes())[len(SIGNATURE):])) for p in files)
    meta = next((site / "pagefind").glob("pagefind.*.pf_meta"))
    names = {p.stem for p in files}  # the metadata names each filter file by its hash
    return filters, sorted(s for s in cbor_strings(gzip.decompress(meta.read_bytes())[len(SIGNATURE):]) if s not in names)


def test_same_data_and_day_give_the_same_bytes(built_site, tmp_path):
    again = tmp_path / "site"
    assert build(TODAY, again) == 0

    def ordered(site):
        return {k: v for k, v in digest(site).items() if not k.startswith(PAGEFIND_UNORDERED)}

    assert ordered(again) == ordered(built_site)
    assert unordered_content(again) == unordered_content(built_site)
    assert len(unordered_content(again)[0]) == 4  # type, county, month, status


def test_bad_record_leaves_previous_site_untouched(repo_copy, tmp_path, capsys):
    site = tmp_path / "site"
    assert build(TODAY, site, root=repo_copy) == 0
    before = digest(site)
    record = next((repo_copy / "data/activities").rglob("*.yaml"))
    record.write_text(record.read_text(encoding="utf-8").replace('status: "scheduled"', 'status: "maybe"'), encoding="utf-8")
    assert build(TODAY, site, root=repo_copy) == 1
    assert digest(site) == before
    assert "[schema/enum]" in capsys.readouterr().err


def test_failed_mkdocs_build_leaves_previous_site_untouched(repo_copy, tmp_path, capsys):
    site = tmp_path / "site"
    assert build(TODAY, site, root=repo_copy) == 0
    before = digest(site)
    (repo_copy / "content/about/index.md").write_text("# 关于\n\n[坏链接](missing.md)\n", encoding="utf-8")
    assert build(TODAY, site, root=repo_copy) == 1
    assert digest(site) == before
    assert "网站构建失败" in capsys.readouterr().err
    assert not list(tmp_path.glob(".build-*"))  # the temporary folder is gone


def test_failed_late_files_leave_previous_site_untouched(repo_copy, tmp_path, capsys, monkeypatch):
    """QR codes and calendars are made in a second process beside mkdocs; if it fails, nothing changes."""
    import build_tools.exports.qr

    site = tmp_path / "site"
    assert build(TODAY, site, root=repo_copy) == 0
    before = digest(site)

    def broken(url, title):
        raise RuntimeError("no QR code today")

    monkeypatch.setattr(build_tools.exports.qr, "svg", broken)  # the forked process inherits the patch
    assert build(TODAY, site, root=repo_copy) == 1
    assert digest(site) == before
    assert "网站构建失败" in capsys.readouterr().err
    assert not list(tmp_path.glob(".build-*"))


def test_late_files_are_in_the_site_and_links_to_them_resolve(built_site):
    camp = built_site / "activities/2027-07-10-yunxi-summer-camp"
    assert (camp / "qr-page.svg").read_bytes().startswith(b"<svg")
    assert (camp / "2027-07-10-yunxi-summer-camp.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert (built_site / "statistics/charts/archives-rate-trend.svg").is_file()
    assert 'src="../../charts/archives-rate-trend.svg"' in (built_site / "statistics/indicators/archives-rate/index.html").read_text(encoding="utf-8")
