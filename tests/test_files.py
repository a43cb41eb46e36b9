"""Rules about whole files: encoding, size, place, emptiness, and ids across files."""

from build_tools import ROOT
from build_tools.validate import validate_activities
from tests.conftest import SAMPLE, problems_of

BASE = SAMPLE.read_text(encoding="utf-8")


def test_gb18030_file_is_rejected_with_its_line(write_record):
    raw = BASE.encode("utf-8").replace("寒假前安全教育讲座".encode(), "寒假前安全教育讲座".encode("gb18030"))
    assert problems_of(write_record(raw)) == [("file/not-utf8", 2)]


def test_utf8_bom_is_accepted(write_record):
    assert problems_of(write_record(b"\xef\xbb\xbf" + BASE.encode())) == []


def test_too_large(write_record):
    assert problems_of(write_record(BASE + "#" * 70_000 + "\n")) == [("file/too-large", 1)]


def test_empty(write_record):
    assert problems_of(write_record("  \n")) == [("file/empty", 1)]


def test_not_a_mapping(write_record):
    assert problems_of(write_record("- a\n- b\n")) == [("yaml/not-mapping", 1)]


def test_misplaced_extension(write_record):
    assert problems_of(write_record(BASE, name="2026-12-05-sample-lecture.yml")) == [("file/misplaced", 1)]


def test_wrong_year_folder(write_record):
    assert problems_of(write_record(BASE, year="2027")) == [("file/wrong-year", 1)]


def test_unreadable(tmp_path):
    missing = tmp_path / "data/activities/2026/2026-12-05-none.yaml"
    assert problems_of(missing) == [("file/unreadable", 1)]


def test_duplicate_id_names_the_other_file(write_record, tmp_path):
    first = write_record(BASE)
    other = tmp_path / "data/activities/2026/copy/2026-12-05-sample-lecture.yaml"
    other.parent.mkdir()
    other.write_text(BASE, encoding="utf-8")
    report, _ = validate_activities([first, other], ROOT)
    assert [(p.code, p.line) for p in report.problems] == [("consistency/duplicate-id", 1)]
    assert first.as_posix() in report.problems[0].message


def test_repository_data_is_clean():
    from build_tools.validate import activity_files

    report, checked = validate_activities(activity_files())
    assert report.problems == []
    assert len(checked) >= 12


def test_resolved_paths_match_path_resolve_through_symlinks_and_folder_changes(tmp_path, monkeypatch):
    """sources.real_path() resolves folder by folder and caches: it must still be Path.resolve()."""
    from pathlib import Path

    from build_tools.load.sources import real_path, rel

    real = tmp_path / "real/sub"
    real.mkdir(parents=True)
    (real / "f.yaml").write_text("x", encoding="utf-8")
    (tmp_path / "link").symlink_to(tmp_path / "real")
    (real / "g.yaml").symlink_to("f.yaml")
    cases = ["link/sub/f.yaml", "link/sub/g.yaml", "real/../link/sub/f.yaml", "link/sub/..", "absent/x.yaml", ".", "..",
             "absent/../link/sub/g.yaml", "link/sub/f.yaml/../g.yaml", "a/" * 1200 + "x.yaml"]
    for cwd in (tmp_path, tmp_path / "link", real):
        monkeypatch.chdir(cwd)  # the same relative name means another file in another folder
        for name in cases:
            assert real_path(Path(name)) == str(Path(name).resolve()), (cwd, name)
    assert rel(ROOT) == "." and rel(ROOT / "data/x.yaml") == "data/x.yaml" and rel(tmp_path / "link/sub/g.yaml") == (real / "f.yaml").as_posix()


def test_validation_turns_the_cycle_collector_back_on(tmp_path):
    import gc

    validate_activities([SAMPLE], ROOT)
    assert gc.isenabled()
    gc.disable()
    try:
        validate_activities([SAMPLE], ROOT)
        assert not gc.isenabled()  # left as the caller had it
    finally:
        gc.enable()
