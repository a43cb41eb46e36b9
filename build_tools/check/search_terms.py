"""What people type and what the site says: data/lists/search-synonyms.csv, checked and published.

Each row names a word as people type it (`typed`: 法制, 心里健康's 心里, 霸凌, a county's name
without 县), the word the pages use (`finds`) and how to use it (`kind`): a misspelling is
looked up one way, a synonym both ways, a filler word (怎么办, 如何…) is dropped. The search
(assets/search.js) looks for the query as typed and as the table rewrites it, and keeps each
page's best score: the table is applied to the query, not written into the pages, so a
misspelling never becomes a word of the index or of an excerpt.

County names without 县/区/自治县 come from data/lists/regions.csv itself (regional_pairs):
they need no row. Like everything under data/, the table comes from pull requests: its
schema (data/schemas/search-synonyms.schema.yaml) types it, and the limits below hold
whatever that file says. The words only ever reach the site as JSON read as query text.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from frictionless import FrictionlessException, Resource, Schema

from ..load.sources import real_path
from ..report.problems import Report

TABLE = "data/lists/search-synonyms.csv"
SCHEMA = "data/schemas/search-synonyms.schema.yaml"
COLUMNS = ["typed", "finds", "kind", "description"]
MAX_ROWS = 1000
# A word: 1–20 Chinese characters, letters or digits, single spaces between parts (no markup,
# quotes, control characters): it is only ever search text.
WORD = re.compile(r"[0-9A-Za-z\u3400-\u4dbf\u4e00-\u9fff〔〕·]+(?: [0-9A-Za-z\u3400-\u4dbf\u4e00-\u9fff〔〕·]+)*")
MAX_CHARS = 20
# A county's name: its own part (two characters or more), then any 苗族, 侗族…, then 自治县, 县, 区…
_COUNTY = re.compile(r"(.{2,}?)(?:[\u4e00-\u9fff]{0,2}族)*(?:自治县|县|区|市|旗)")


@dataclass(frozen=True)
class Term:
    typed: str
    finds: str  # "" for a filler word
    kind: str  # misspelling, synonym, filler
    line: int


def is_table(path: Path) -> bool:
    """The synonym table, however the path is written (check and validate name files)."""
    return real_path(path).endswith("/" + TABLE)


def check_synonyms(root: Path, report: Report) -> list[Term]:
    """The table's rows, each checked; problems go to report, only good rows are returned."""
    path = root / TABLE
    if not path.is_file():
        return []
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        report.add("file/not-utf8", TABLE, 1)
        return []
    lines = text.splitlines()
    header = lines[0].split(",") if lines else []
    if header != COLUMNS:
        report.add("search/synonym-header", TABLE, 1, got=",".join(header)[:80], expected=",".join(COLUMNS))
        return []
    if len(lines) - 1 > MAX_ROWS:
        report.add("search/synonym-too-many", TABLE, MAX_ROWS + 2, limit=MAX_ROWS)
        return []
    return _rows(path, root, report)


def _schema(root: Path) -> Schema | None:
    """The table's frictionless schema (our documentation keys left out); None if it cannot be read."""
    try:
        descriptor = yaml.safe_load((root / SCHEMA).read_text(encoding="utf-8"))
        return Schema.from_descriptor({"fields": [{k: v for k, v in f.items() if k in ("name", "type", "constraints")}
                                                  for f in descriptor["fields"]]})
    except (OSError, yaml.YAMLError, FrictionlessException, TypeError, KeyError, AttributeError):
        return None


def _rows(path: Path, root: Path, report: Report) -> list[Term]:
    schema = _schema(root)
    if schema is None:
        report.add("search/synonym-field", SCHEMA, 1, reason="这张表的表结构文件无法读取")
        return []
    terms, seen = [], {}
    with Resource(path=str(path), schema=schema, format="csv", encoding="utf-8") as resource:
        for row in resource.row_stream:
            line = row.row_number  # the header is line 1, as in a text editor
            if row.errors:
                for error in row.errors:
                    report.add("search/synonym-field", TABLE, line, getattr(error, "field_name", "") or "",
                               reason=_REASONS.get(error.type, "格式不对"))
                continue
            term = Term(str(row["typed"]).strip(), str(row["finds"] or "").strip(), str(row["kind"]), line)
            if not _word_ok(term):
                report.add("search/synonym-word", TABLE, line, "typed" if not _is_word(term.typed) else "finds", limit=MAX_CHARS)
                continue
            key = (term.typed, term.finds)
            if key in seen or term.typed == term.finds:
                report.add("search/synonym-duplicate", TABLE, line, "typed", first=seen.get(key, line))
                continue
            seen[key] = line
            terms.append(term)
    return terms


_REASONS = {
    "constraint-error": "不是允许的值（kind 只能是 misspelling、synonym 或 filler，typed 必须填写）",
    "missing-cell": "这一行少了一列",
    "extra-cell": "这一行多了一列（词里不能有英文逗号）",
    "type-error": "格式不对",
    "blank-row": "这是一个空行，请删除",
}


def _is_word(text: str) -> bool:
    return len(text) <= MAX_CHARS and WORD.fullmatch(text) is not None


def _word_ok(term: Term) -> bool:
    if not _is_word(term.typed):
        return False
    return term.finds == "" if term.kind == "filler" else _is_word(term.finds)


def rewrites(terms: list[Term], regions: list[dict[str, str]]) -> list[tuple[str, str]]:
    """Every (what is typed, what to look for instead): synonyms both ways, fillers to "", county names."""
    pairs: list[tuple[str, str]] = []
    for t in terms:
        pairs.append((t.typed, t.finds))
        if t.kind == "synonym":
            pairs.append((t.finds, t.typed))
    pairs += regional_pairs(regions)
    return list(dict.fromkeys(pairs))  # the first of each pair kept, in order


def regional_pairs(regions: list[dict[str, str]]) -> list[tuple[str, str]]:
    """A county's name as people say it (融水, 岳阳) → its full name (融水苗族自治县, 岳阳县)."""
    out = []
    for r in regions:
        name = r.get("name", "")
        match = _COUNTY.fullmatch(name)
        if match and _is_word(name):
            out.append((match.group(1), name))
    return out


def write_synonyms(ctx) -> None:
    """Generator: docs/search/synonyms.json, the rewrites the search script applies to a query."""
    report = Report()
    terms = check_synonyms(ctx.dataset.root, report)  # validation reported the problems; here only good rows
    pairs = rewrites(terms, ctx.lists.regions)
    out = ctx.docs / "search/synonyms.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    # One pair a line: on one long line the privacy scan reads every word of the file as one
    # sentence, and a county's short name (苏仙) in a sentence that says 留守儿童 reads as a name.
    lines = ",\n".join(json.dumps(pair, ensure_ascii=False, separators=(",", ":")) for pair in pairs)
    out.write_text('{"pairs":[\n' + lines + "\n]}\n", encoding="utf-8")
