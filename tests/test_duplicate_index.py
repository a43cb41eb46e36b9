"""The duplicate index (issue 18): `check FILE` compares with the repository's activities through a
cache of four values per record, read again only where a file changed."""

from __future__ import annotations

import datetime as dt
import os
import shutil

from build_tools import ROOT
from build_tools.check import duplicate_index
from build_tools.schools.offline_check import check
from tests.conftest import SAMPLE

BASE = SAMPLE.read_text(encoding="utf-8")


def _repo(tmp_path, n: int = 3):
    """A copy of the repository's data with n renamed copies of the sample record (other counties)."""
    root = tmp_path / "repo"
    shutil.copytree(ROOT / "data", root / "data", ignore=shutil.ignore_patterns("activities"))
    folder = root / "data/activities/2026"
    folder.mkdir(parents=True)
    for i in range(n):
        rid = f"2026-12-05-copy-{i}"
        (folder / f"{rid}.yaml").write_text(BASE.replace("2026-12-05-sample-lecture", rid), encoding="utf-8")
    return root


def test_keys_are_read_once_then_only_where_a_file_changed(tmp_path, monkeypatch):
    root = _repo(tmp_path)
    read = []
    original = duplicate_index._read_key
    monkeypatch.setattr(duplicate_index, "_read_key", lambda path: read.append(path.name) or original(path))
    keys = duplicate_index.keys(root)
    assert sorted(read) == [f"2026-12-05-copy-{i}.yaml" for i in range(3)]
    assert keys["data/activities/2026/2026-12-05-copy-0.yaml"] == ("430603", dt.date(2026, 12, 5), "寒假前安全教育讲座",
                                                                   "2026-12-05-copy-0")
    read.clear()
    assert duplicate_index.keys(root) == keys and read == []  # nothing changed: nothing read
    changed = root / "data/activities/2026/2026-12-05-copy-1.yaml"
    changed.write_text(BASE.replace("2026-12-05-sample-lecture", "2026-12-05-copy-1").replace("寒假前", "暑假前"), encoding="utf-8")
    os.utime(changed, ns=(1, 1))  # a different modification time, whatever the clock's resolution
    (root / "data/activities/2026/2026-12-05-copy-2.yaml").unlink()
    keys = duplicate_index.keys(root)
    assert read == ["2026-12-05-copy-1.yaml"]
    assert keys["data/activities/2026/2026-12-05-copy-1.yaml"][2] == "暑假前安全教育讲座"
    assert "data/activities/2026/2026-12-05-copy-2.yaml" not in keys


def test_a_broken_or_foreign_cache_is_rebuilt(tmp_path):
    root = _repo(tmp_path, 1)
    cache = root / duplicate_index.CACHE
    cache.parent.mkdir()
    for junk in ("not json", '{"version": 99, "files": {}}', '[1, 2]'):
        cache.write_text(junk, encoding="utf-8")
        assert list(duplicate_index.keys(root)) == ["data/activities/2026/2026-12-05-copy-0.yaml"]
        assert '"version":1' in cache.read_text(encoding="utf-8")


def test_broken_and_cancelled_records_have_no_key(tmp_path):
    root = _repo(tmp_path, 0)
    folder = root / "data/activities/2026"
    (folder / "a.yaml").write_text("title: [", encoding="utf-8")
    (folder / "b.yaml").write_text(BASE.replace("status: scheduled", "status: cancelled"), encoding="utf-8")
    (folder / "c.yaml").write_bytes(b"\xff\xfe")
    (folder / "d.yaml").write_text(BASE.replace('start: "2026-12-05T09:00:00+08:00"', "start: soon"), encoding="utf-8")
    assert duplicate_index.keys(root) == {f"data/activities/2026/{n}.yaml": None for n in "abcd"}


def test_check_finds_a_duplicate_through_the_index_and_not_the_file_itself(tmp_path):
    root = _repo(tmp_path, 2)
    mine = root / "data/activities/2026/2026-12-05-copy-0.yaml"
    found = [(p.code, p.file.rsplit("/", 1)[-1]) for p in check([mine], root).problems]
    assert found == [("consistency/possible-duplicate", "2026-12-05-copy-0.yaml")]
    assert "2026-12-05-copy-1.yaml" in check([mine], root).problems[0].message  # the other file, from the index


def test_a_read_only_checkout_still_gets_an_answer(tmp_path):
    root = _repo(tmp_path, 2)
    (root / ".cache").write_text("a file where the cache folder would be", encoding="utf-8")
    assert len(duplicate_index.keys(root)) == 2
