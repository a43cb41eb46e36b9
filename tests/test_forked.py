"""The second core: late files made in a forked process, and work split over processes."""

import os

import pytest

from build_tools.engine.forked import LateFiles, WorkerFailed, split_map


def test_late_files_are_made_in_another_process_and_moved_into_the_site(tmp_path):
    late = LateFiles()
    late.add("a/x.txt", lambda: f"made by {os.getpid()}")
    late.add("b/y.bin", lambda: b"\x00\x01")
    late.start(tmp_path / "late")
    late.wait()
    late.move_into(tmp_path / "late", tmp_path / "site")
    assert (tmp_path / "site/a/x.txt").read_text() != f"made by {os.getpid()}"  # forked: 2 cores here
    assert (tmp_path / "site/b/y.bin").read_bytes() == b"\x00\x01"
    assert late.paths == ["a/x.txt", "b/y.bin"]


def test_two_generators_cannot_make_the_same_file():
    late = LateFiles()
    late.add("a.svg", lambda: "")
    with pytest.raises(ValueError):
        late.add("a.svg", lambda: "")


def test_a_failing_maker_is_reported_not_hidden(tmp_path):
    late = LateFiles()
    late.add("a.svg", lambda: 1 / 0)
    late.start(tmp_path)
    with pytest.raises(WorkerFailed):
        late.wait()
    late.wait_quietly()  # waiting again is harmless


def test_split_map_covers_every_item_once_in_slice_order():
    items = list(range(101))
    parts = split_map(lambda part: (os.getpid(), sorted(part)), items, parts=2)
    assert sorted(x for _, part in parts for x in part) == items
    assert parts[0][1] == items[0::2] and parts[1][1] == items[1::2]
    assert parts[0][0] == os.getpid() != parts[1][0]


def test_split_map_reports_a_crashed_slice():
    def crash(part):
        if 1 in part:
            os._exit(3)
        return part

    with pytest.raises(WorkerFailed):
        split_map(crash, list(range(10)), parts=2)


def test_small_work_is_not_forked():
    assert split_map(lambda part: os.getpid(), [1, 2], parts=2) == [os.getpid()]
