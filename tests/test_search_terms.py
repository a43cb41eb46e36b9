"""The search's synonym table (data/lists/search-synonyms.csv): each rule fails its fixture and passes
the repository's table; the published rewrites (search/synonyms.json)."""

import shutil

import pytest

from build_tools import ROOT
from build_tools.check.search_terms import COLUMNS, MAX_ROWS, SCHEMA, TABLE, check_synonyms, regional_pairs, rewrites
from build_tools.report.problems import Report

HEADER = ",".join(COLUMNS) + "\n"


@pytest.fixture
def table(tmp_path):
    """Write a synonym table (and the repository's schema) into a scratch data folder; returns its root."""

    def write(text: str):
        (tmp_path / TABLE).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / SCHEMA).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / SCHEMA, tmp_path / SCHEMA)
        (tmp_path / TABLE).write_text(text, encoding="utf-8")
        report = Report()
        terms = check_synonyms(tmp_path, report)
        return terms, sorted((p.code, p.line, p.field) for p in report.problems)

    return write


def test_the_repository_table_passes():
    report = Report()
    terms = check_synonyms(ROOT, report)
    assert not report.problems and len(terms) >= 40


def test_a_good_row_passes(table):
    terms, problems = table(HEADER + "法制,法治,misspelling,常见错字\n怎么办,,filler,\n")
    assert problems == [] and [(t.typed, t.finds, t.kind, t.line) for t in terms] == [
        ("法制", "法治", "misspelling", 2), ("怎么办", "", "filler", 3)]


def test_a_wrong_header_is_refused(table):
    assert table("输入的词,本站的词,种类,说明\n法制,法治,misspelling,\n")[1] == [("search/synonym-header", 1, "")]


@pytest.mark.parametrize("row, field", [
    ("心里,心理,错字,", "kind"),  # not one of the three kinds
    (",心理,misspelling,", "typed"),  # typed is required
])
def test_a_bad_cell_is_refused_with_its_line(table, row, field):
    assert table(HEADER + "法制,法治,misspelling,\n" + row + "\n")[1] == [("search/synonym-field", 3, field)]


@pytest.mark.parametrize("row, field", [
    ("法制,<b>法治</b>,misspelling,", "finds"),  # markup never reaches the search
    ("法制,法治  教育,misspelling,", "finds"),  # two spaces: one word (or words with single spaces) per cell
    ("javascript:alert(1),法治,misspelling,", "typed"),
    ("法" * 21 + ",法治,synonym,", "typed"),  # longer than 20 characters
    ("怎么办,办法,filler,", "finds"),  # a filler word is dropped: it finds nothing
    ("法制,法\u0000治,misspelling,", "finds"),  # a control character
])
def test_a_word_that_is_not_plain_text_is_refused(table, row, field):
    terms, problems = table(HEADER + row + "\n")
    assert problems == [("search/synonym-word", 2, field)] and terms == []


def test_excel_s_csv_with_bom_and_crlf_passes_and_a_blank_line_is_named(table):
    assert table("\ufeff" + HEADER.replace("\n", "\r\n") + "法制,法治,misspelling,常见错字\r\n")[1] == []
    assert table(HEADER + "\n法制,法治,misspelling,常见错字\n")[1] == [("search/synonym-field", 2, "")]


def test_a_table_in_another_encoding_is_refused(tmp_path):
    (tmp_path / TABLE).parent.mkdir(parents=True)
    (tmp_path / TABLE).write_bytes((HEADER + "法制,法治,misspelling,常见错字\n").encode("gbk"))
    report = Report()
    assert check_synonyms(tmp_path, report) == [] and [p.code for p in report.problems] == ["file/not-utf8"]


def test_a_repeated_row_or_a_word_mapped_to_itself_is_refused(table):
    _, problems = table(HEADER + "法制,法治,misspelling,\n法制,法治,misspelling,\n法治,法治,synonym,\n")
    assert problems == [("search/synonym-duplicate", 3, "typed"), ("search/synonym-duplicate", 4, "typed")]


def test_too_many_rows_are_refused(table):
    rows = "".join(f"词{i},法治,synonym,\n" for i in range(MAX_ROWS + 1))
    assert table(HEADER + rows)[1] == [("search/synonym-too-many", MAX_ROWS + 2, "")]


def test_synonyms_go_both_ways_misspellings_one_way_fillers_to_nothing():
    report = Report()
    terms = check_synonyms(ROOT, report)
    pairs = rewrites(terms, [])
    assert ("法制", "法治") in pairs and ("法治", "法制") not in pairs
    assert ("霸凌", "欺凌") in pairs and ("欺凌", "霸凌") in pairs
    assert ("怎么办", "") in pairs


def test_county_names_as_people_say_them_come_from_the_region_list():
    regions = [{"name": "融水苗族自治县"}, {"name": "岳阳县"}, {"name": "云溪区"}, {"name": "县"}]
    assert regional_pairs(regions) == [("融水", "融水苗族自治县"), ("岳阳", "岳阳县"), ("云溪", "云溪区")]


def test_the_build_publishes_the_rewrites(built_site):
    import json

    pairs = json.loads((built_site / "search/synonyms.json").read_text(encoding="utf-8"))["pairs"]
    assert ["心里", "心理"] in pairs and ["融水", "融水苗族自治县"] in pairs


def test_check_and_validate_name_the_table_like_any_data_file():
    from build_tools.validate import validate_paths

    assert validate_paths([ROOT / TABLE]).problems == []
