"""Statistics as protected history and honest downloads (issue 13, class 5): the suppression
ledger cannot be weakened, released periods cannot change, extreme rates and small complements
are not published, odd values get a message, downloads run no formula, XLSX reads like CSV."""

import csv
import io
import subprocess
import zipfile

import openpyxl
import pytest

from build_tools import ROOT
from build_tools.exports.statistics_bundle import bundle_files, statistics_csv
from build_tools.model.statistics import StatsView
from build_tools.report.problems import Report
from build_tools.stats import history
from build_tools.stats.check import statistics_files, validate_statistics
from build_tools.stats.contract import load_contract, read_csv
from build_tools.stats.spreadsheet import safe_cell, safe_copy
from tests.test_stats_rules import BASE

#: Rules with their failing and passing cases here (tests/test_rules.py checks every rule has some).
HISTORY_CODES = {"stats/value-range", "stats/coded-rate-revealed", "stats/complement-small", "stats/ledger-weakened",
                 "stats/release-changed", "stats/release-unsealed", "stats/release-removed", "stats/base-unreadable"}
LEDGER = "data/statistics/suppression-ledger.csv"
RELEASES = "data/statistics/releases.csv"


def problems(root) -> list[tuple[str, str, int]]:
    report, _ = validate_statistics(statistics_files(root), root)
    return sorted((p.code, p.file.rsplit("/", 1)[-1], p.line) for p in report.problems)


def codes(root) -> set[str]:
    return {code for code, _, _ in problems(root)}


@pytest.fixture
def stats_root(tmp_path):
    """A copy of data/ to break (the contract, lists and every table)."""
    import shutil

    root = tmp_path / "repo"
    shutil.copytree(ROOT / "data", root / "data")
    return root


def earliest_hidden(root) -> tuple[tuple[str, str, str], str, str]:
    """A county cell of a plain count that an early table hides: (key, period, its file)."""
    contract = load_contract(root, Report())
    _, stats = validate_statistics(statistics_files(root), root)
    hidden = history.hidden_in_tables(stats.cells, contract)
    key = next(k for k, c in sorted(hidden.items()) if len(k[0]) == 6 and k[2] in ("camp", "home-visited", "screened"))
    return key, hidden[key].period, hidden[key].file.rsplit("/", 1)[-1]


def test_repository_history_is_whole():
    assert problems(ROOT) == []


# --- The ledger: deleting, emptying, removing or moving an entry ------------------------------


def publish_next_period(root, key, value=500):
    (root / "data/statistics/2026Q4-extra.csv").write_text(
        "period,region,level,indicator,value,flag,source,note\n" f"2026Q4,{','.join(key)},{value},,测试来源,\n",
        encoding="utf-8")


@pytest.mark.parametrize("attack", ["delete", "empty", "remove the entry", "move the entry later"])
def test_a_weakened_ledger_still_hides_what_tables_hid(stats_root, attack):
    key, since, table = earliest_hidden(stats_root)
    ledger = stats_root / LEDGER
    rows = read_csv(ledger)
    if attack == "delete":
        ledger.unlink()
    elif attack == "empty":
        ledger.write_text("region,level,indicator,since\n", encoding="utf-8")
    else:
        kept = [r for r in rows if (r["region"], r["level"], r["indicator"]) != key]
        if attack == "move the entry later":
            kept.append(dict(zip(("region", "level", "indicator"), key), since="2027"))
        buf = io.StringIO()
        writer = csv.DictWriter(buf, ["region", "level", "indicator", "since"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(kept)
        ledger.write_text(buf.getvalue(), encoding="utf-8")
    publish_next_period(stats_root, key)
    report, _ = validate_statistics(statistics_files(stats_root), stats_root)
    found = {(p.code, p.file.rsplit("/", 1)[-1]) for p in report.problems}
    assert ("stats/ledger-published", "2026Q4-extra.csv") in found  # the cell stays hidden
    weakened = [p for p in report.problems if p.code == "stats/ledger-weakened" and "·".join(key) in p.message]
    assert weakened and weakened[0].file.endswith(table)  # named, where a table hid it first
    assert f"{','.join(key)},{since}" in weakened[0].hint  # the line to put back
    assert ("stats/release-changed", "releases.csv") in found  # and the released ledger digest no longer matches


def test_a_stronger_ledger_is_fine(stats_root):
    with (stats_root / LEDGER).open("a", encoding="utf-8") as fh:
        fh.write("430603,all,registered,2027\n")  # hidden from a future period on: nothing released changes
    assert problems(stats_root) == []


def test_a_second_line_cannot_move_an_entry_later(stats_root):
    key, since, table = earliest_hidden(stats_root)
    with (stats_root / LEDGER).open("a", encoding="utf-8") as fh:
        fh.write(f"{','.join(key)},2027\n")
    assert problems(stats_root) == []  # the earlier line still holds


# --- Released periods ----------------------------------------------------------------------


def test_editing_a_released_table_is_found(stats_root):
    table = stats_root / "data/statistics/2025-430603.csv"
    lines = table.read_text(encoding="utf-8").splitlines(keepends=True)
    i = next(n for n, line in enumerate(lines) if ",registered," in line and ",suppressed," not in line)
    parts = lines[i].split(",")
    parts[4] = str(int(parts[4]) + 0)  # the same value written again: not a change
    lines[i] = ",".join(parts)
    table.write_text("".join(lines), encoding="utf-8")
    assert problems(stats_root) == []
    parts[4] = str(int(parts[4]) + 1)
    lines[i] = ",".join(parts)
    table.write_text("".join(lines), encoding="utf-8")
    assert ("stats/release-changed", "releases.csv", 3) in problems(stats_root)


def test_deleting_a_released_table_is_found(stats_root):
    (stats_root / "data/statistics/2024-450226.csv").unlink()
    assert ("stats/release-changed", "releases.csv", 2) in problems(stats_root)


def test_a_new_release_must_be_sealed(stats_root):
    with (stats_root / RELEASES).open("a", encoding="utf-8") as fh:
        fh.write("2026Q4,2027-01-20,第 4 季度,,\n")
    report, _ = validate_statistics(statistics_files(stats_root), stats_root)
    [problem] = report.problems
    assert (problem.code, problem.line) == ("stats/release-unsealed", 7)
    sealed = problem.hint.split("请把这一行写成：", 1)[1].split("（", 1)[0]
    (stats_root / RELEASES).write_text((stats_root / RELEASES).read_text(encoding="utf-8").replace(
        "2026Q4,2027-01-20,第 4 季度,,", sealed), encoding="utf-8")
    assert problems(stats_root) == []


# --- The base branch (CI): a rewrite of tables, digests and ledger together -----------------


def git(root, *args):
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=True).stdout.strip()


@pytest.fixture
def base_repo(stats_root):
    git(stats_root, "init", "-q")
    git(stats_root, "add", "-A")
    git(stats_root, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "base")
    return stats_root, git(stats_root, "rev-parse", "HEAD")


def test_a_consistent_rewrite_is_stopped_by_the_base_branch(base_repo, monkeypatch):
    """Erase the last release: its tables, its ledger entries and its release row, all together.
    The files then agree with each other; only the base branch remembers (a later table could
    publish what the erased one hid)."""
    root, base = base_repo
    for table in (root / "data/statistics").glob("2026Q3-*.csv"):
        table.unlink()
    rows = [r for r in read_csv(root / LEDGER) if r["since"] != "2026Q3"]
    buf = io.StringIO()
    writer = csv.DictWriter(buf, ["region", "level", "indicator", "since"], lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    (root / LEDGER).write_text(buf.getvalue(), encoding="utf-8")
    lines = (root / RELEASES).read_text(encoding="utf-8").splitlines(keepends=True)
    (root / RELEASES).write_text("".join(line for line in lines if not line.startswith("2026Q3,")), encoding="utf-8")
    assert problems(root) == []  # offline, nothing is left to compare with
    monkeypatch.setenv("PORTAL_BASE_REF", base)
    found = problems(root)
    assert ("stats/ledger-weakened", "suppression-ledger.csv", 1) in found
    assert ("stats/release-removed", "releases.csv", 1) in found


def test_removing_a_release_row_is_stopped_by_the_base_branch(base_repo, monkeypatch):
    root, base = base_repo
    lines = (root / RELEASES).read_text(encoding="utf-8").splitlines(keepends=True)
    (root / RELEASES).write_text("".join(line for line in lines if not line.startswith("2024,")), encoding="utf-8")
    assert problems(root) == []  # offline, a period that was never released looks the same
    monkeypatch.setenv("PORTAL_BASE_REF", base)
    report, _ = validate_statistics(statistics_files(root), root)
    [removed] = [p for p in report.problems if p.code == "stats/release-removed"]
    assert "2024 期" in removed.message and removed.hint.endswith(lines[1].strip())


def test_an_unreadable_base_fails_closed(base_repo, monkeypatch):
    root, _ = base_repo
    monkeypatch.setenv("PORTAL_BASE_REF", "0" * 40)
    assert ("stats/base-unreadable", "releases.csv", 1) in problems(root)


def test_the_same_data_passes_against_its_base(base_repo, monkeypatch):
    root, base = base_repo
    monkeypatch.setenv("PORTAL_BASE_REF", base)
    assert problems(root) == []


# --- Extreme rates and small complements -----------------------------------------------------


@pytest.fixture
def table(tmp_path):
    def write(text, name="2023-430603.csv"):
        path = tmp_path / "data/statistics" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    return write


def table_problems(path) -> list[tuple[str, int]]:
    report, _ = validate_statistics([path], ROOT)
    return sorted((p.code, p.line) for p in report.problems)


ARCHIVES = "2023,430603,all,archives,1200,,测试来源,\n"


@pytest.mark.parametrize("flag, value", [("top-coded", 95), ("bottom-coded", 5)])
def test_a_coded_rate_beside_its_numerator_or_denominator_is_refused(table, flag, value):
    row = f"2023,430603,all,archives-rate,{value},{flag},测试来源,\n"
    found = table_problems(table(BASE + ARCHIVES + row))
    assert ("stats/coded-rate-revealed", 12) in found


def test_an_extreme_rate_written_exactly_is_refused(table):
    assert ("stats/percent-not-coded", 12) in table_problems(table(BASE + ARCHIVES.replace("1200", "1240") +
                                                                   "2023,430603,all,archives-rate,99.2,,测试来源,\n"))


def test_a_small_complement_is_refused(table):
    text = BASE.replace("2023,430603,all,paired,900,,测试来源,", "2023,430603,all,paired,1245,,测试来源,")
    text = text.replace("2023,430603,all,paired-rate,72,,测试来源,\n", "")
    report, _ = validate_statistics([table(text)], ROOT)
    [problem] = report.problems
    assert (problem.code, problem.line) == ("stats/complement-small", 6)
    assert "5" not in problem.message.replace("1 到 9", "")  # the small count itself is not said


def test_a_large_complement_is_fine(table):
    assert table_problems(table(BASE + ARCHIVES)) == []


def test_aggregate_hides_small_complements_and_extreme_rates():
    """The committed sample tables were made by `aggregate`: they hold neither."""
    _, stats = validate_statistics(statistics_files(ROOT), ROOT)
    assert not any(c.flag in ("top-coded", "bottom-coded") for c in stats.cells)
    by_key = {c.key: c for c in stats.cells}
    for c in stats.cells:
        if c.indicator == "archives" and c.value is not None:
            den = by_key.get((*c.key[:3], "registered"))
            assert den is None or den.value is None or not 0 < den.value - c.value < stats.contract.k


# --- Values that are no count ----------------------------------------------------------------


@pytest.mark.parametrize("value, code", [
    ("inf", "stats/value-range"), ("-inf", "stats/value-range"), ("Infinity", "stats/value-range"),
    ("nan", "stats/value-range"), ("NaN", "stats/value-range"), ("1e309", "stats/value-range"),
    ("1e999999999", "stats/value-range"), ("99999999999999999999999", "stats/value-range"),
    ("10000000", "stats/value-range"), ("1e3", "stats/number-format"), ("+120", "stats/number-format"),
    ("1_200", "stats/number-format"), ("１２０", "stats/number-format"), ("0x10", "schema/type"),
])
def test_odd_values_get_a_message_not_a_traceback(table, value, code):
    text = BASE.replace("all,camp,120,,", f"all,camp,{value},,")
    report, _ = validate_statistics([table(text)], ROOT)
    assert [(p.code, p.line) for p in report.problems] == [(code, 9)]
    assert all(p.message and p.hint for p in report.problems)


def test_a_percentage_over_100(table):
    assert table_problems(table(BASE.replace("paired-rate,72,", "paired-rate,172,"))) == [("stats/value-range", 7)]


# --- XLSX --------------------------------------------------------------------------------------


def test_xlsx_with_an_empty_note_column_reads_like_its_csv(tmp_path):
    rows = list(csv.reader(io.StringIO((ROOT / "data/statistics/2025-430603.csv").read_text(encoding="utf-8"))))
    assert all(r[7] == "" for r in rows[1:])  # the note column is empty throughout
    path = tmp_path / "data/statistics/2025-430603.xlsx"
    path.parent.mkdir(parents=True)
    book = openpyxl.Workbook()
    for r in rows:
        book.active.append([int(c) if i == 4 and c.isdigit() else (c or None) for i, c in enumerate(r)])
    book.save(path)
    report, stats = validate_statistics([path], ROOT)
    assert report.problems == [] and len(stats.cells) == len(rows) - 1


def test_xlsx_row_with_content_beyond_the_header_is_still_refused(tmp_path):
    path = tmp_path / "data/statistics/2023-430603.xlsx"
    path.parent.mkdir(parents=True)
    book = openpyxl.Workbook()
    for line in BASE.splitlines():
        book.active.append(line.split(","))
    book.active.append(["2023", "430603", "all", "camp", "120", None, "测试来源", None, "多出来的"])
    book.save(path)
    report, _ = validate_statistics([path], ROOT)
    assert ("stats/row-shape", 11) in [(p.code, p.line) for p in report.problems]


# --- Downloads: no formula runs in a spreadsheet -----------------------------------------------

FORMULAS = ["=HYPERLINK(\"https://evil.example\",\"点此\")", "+1+2", "-1+2", "@SUM(A1)", "\t=1", "\r=1", "＝1+1",
            " =1+1"]


@pytest.mark.parametrize("text", FORMULAS)
def test_formula_cells_are_neutralised(text):
    assert safe_cell(text) == "'" + text
    assert safe_cell("示例数据（虚构）") == "示例数据（虚构）" and safe_cell("2026Q3") == "2026Q3"


def test_every_csv_download_neutralises_formulas(repo_copy, tmp_path):
    table = repo_copy / "data/statistics/2023-430603.csv"
    table.write_text(BASE.replace("测试来源,\n", "=HYPERLINK(\"https://evil.example\"),@note\n", 1), encoding="utf-8")
    indicators = repo_copy / "data/lists/indicators.csv"
    indicators.write_text(indicators.read_text(encoding="utf-8").replace("登记在册的儿童", "=HYPERLINK(\"x\")"),
                          encoding="utf-8")
    _, stats = validate_statistics([table], repo_copy)
    view = StatsView(stats, repo_copy)
    for name, data in {"statistics.csv": statistics_csv(view).encode(), **bundle_files(view)}.items():
        if name.endswith(".csv"):
            for row in csv.reader(io.StringIO(data.decode("utf-8-sig"))):
                assert not any(cell.lstrip(" ").startswith(("=", "+", "-", "@")) for cell in row), (name, row)
    assert "'=HYPERLINK" in statistics_csv(view) and "'=HYPERLINK" in bundle_files(view)["lists/indicators.csv"].decode()


def test_built_downloads_hold_no_formula(built_site):
    downloads = built_site / "statistics/downloads"
    files = {p.name: p.read_bytes() for p in downloads.glob("*.csv")}
    with zipfile.ZipFile(downloads / "liushou-statistics.zip") as z:
        files |= {n: z.read(n) for n in z.namelist() if n.endswith(".csv")}
    for name, data in files.items():
        for row in csv.reader(io.StringIO(data.decode("utf-8-sig"))):
            assert not any(c.lstrip(" ").startswith(("=", "+", "-", "@", "\t", "\r")) for c in row), name
    assert safe_copy("a,b\n=1,2\n") == "a,b\n'=1,2\n"
