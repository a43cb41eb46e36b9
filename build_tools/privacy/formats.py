"""From a file's bytes to text, the way a reader of the published file sees it.

A file becomes a few chunks of text, each with the line number where it begins. Line numbers
stay those of the file: HTML and XML keep their line breaks when tags are taken out, JSON
keeps its lines when its escapes (\\u4e2d…) are decoded, and an .ics file's folded lines
are joined and numbered by the line where they begin.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from pathlib import PurePosixPath

from ..detect.hits import INLINE_TAGS
from ..load.strict_yaml import parse

Chunks = Iterator[tuple[int, str]]  # (line number where the text begins, text)

MARKUP = {".html", ".htm", ".xhtml", ".xml", ".atom", ".rss", ".svg"}
TEXT = {".yaml", ".yml", ".csv", ".tsv", ".md", ".markdown", ".json", ".geojson", ".ics", ".txt", ".vcf", *MARKUP}

_INLINE_TAG = re.compile(rf"</?(?:{INLINE_TAGS})\b[^<>\n]*>", re.IGNORECASE)
_TAG_ONE_LINE = re.compile(r"<[^<>\n]*>")
_TAG_ANY = re.compile(r"<[^<>]*>")
_JSON_ESCAPE = re.compile(r"\\(?:u([0-9a-fA-F]{4})|([\"\\/bfnrt]))")
_ICS_ESCAPE = re.compile(r"\\([nN,;\\])")


def decode(data: bytes) -> str:
    """Text in UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030 (WPS/Excel in China)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")  # digits survive whatever the encoding was


def chunks(name: str, text: str) -> Chunks:
    """The text to scan, by the file's type."""
    suffix = PurePosixPath(name).suffix.lower()
    if suffix in MARKUP:
        return markup(text)
    if suffix in (".json", ".geojson"):
        return iter([(1, _unescape(json_text(text)))])
    if suffix in (".ics", ".vcf"):
        return ics_lines(text)
    return iter([(1, text)])


def decoded(name: str, text: str) -> Chunks:
    """A second reading of a text file: what its reader sees once it is parsed and decoded.

    A YAML file as parsed (escapes such as \\u0034 in keys and values, character references in
    values that Markdown decodes); Markdown, CSV and other text with character references (&#52;)
    and Markdown backslash escapes decoded. Markup, JSON and calendars are decoded in `chunks`
    already; a number over several lines is read as written (numbers.numbers joins the lines).
    Only what differs from the text as written is yielded.
    """
    suffix = PurePosixPath(name).suffix.lower()
    if suffix in (".yaml", ".yml"):
        # Without an escape or a reference, the parsed values are the text as written: parsing
        # every record a second time doubled the scan of data/.
        return _yaml_values(text) if "\\" in text or "&" in text else iter(())
    if suffix in MARKUP or suffix in (".json", ".geojson", ".ics", ".vcf"):
        return iter(())
    shown = _shown(text)
    return iter([(1, shown)] if shown != text else [])


def _yaml_values(text: str) -> Chunks:
    """The parsed keys and values that differ from their line as written, as one text in which
    each stands on the line where it begins (the lines of a value over several lines follow)."""
    doc, _ = parse(text)
    written = text.split("\n")
    shown: list[list[str]] = [[] for _ in written]
    for path, (line, _) in doc.positions.items():
        if path and isinstance(path[-1], str):
            _place(shown, written, line, path[-1])  # a key, as parsed
        value = doc.value_at(path) if path in doc.text_lines else None
        if isinstance(value, str) and value:
            _place(shown, written, doc.text_lines[path], _shown(value))
    if any(shown):
        yield 1, "\n".join("｜".join(parts) for parts in shown)  # ｜ keeps two values apart


def _place(shown: list[list[str]], written: list[str], line: int, value: str) -> None:
    if "\n" not in value and value in written[line - 1]:
        return  # most values are their line's text: read already
    for i, part in enumerate(value.split("\n")[: len(shown) - line + 1]):
        shown[line - 1 + i].append(part)


_MD_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def _shown(text: str) -> str:
    """Text as Markdown shows it: character references and backslash escapes decoded."""
    text = _unescape(text)
    return _MD_ESCAPE.sub(r"\1", text) if "\\" in text else text


def markup(text: str) -> Chunks:
    """HTML/XML twice: its visible text, then as written (attribute values, comments, scripts).

    Inline tags (strong, a, span…) are removed without a trace so that a number split by
    emphasis joins up again; other tags become a space; line breaks stay where they were.
    A finding in both readings is reported once (Scanner.text).
    """
    visible = _TAG_ONE_LINE.sub(" ", _INLINE_TAG.sub("", text))
    visible = _TAG_ANY.sub(lambda m: " " + "\n" * m.group().count("\n"), visible)  # tags over several lines
    yield 1, _unescape(visible)
    yield 1, _unescape(text)


def json_text(text: str) -> str:
    """JSON with its string escapes decoded, on the same lines."""
    if "\n" not in text.rstrip("\n"):
        try:  # one line, as mkdocs writes its search index: let the json module do it at C speed
            return json.dumps(json.loads(text), ensure_ascii=False)
        except ValueError:
            pass
    return _JSON_ESCAPE.sub(_json_char, text)


def _json_char(m: re.Match) -> str:
    if m.group(1):
        return chr(int(m.group(1), 16))
    return {"b": " ", "f": " ", "n": " ", "r": " ", "t": " "}.get(m.group(2), m.group(2))


def ics_lines(text: str) -> Chunks:
    """Unfolded iCalendar content lines (RFC 5545 §3.1), numbered by their first physical line."""
    current, start = "", 1
    for n, raw in enumerate(text.splitlines(), 1):
        if raw[:1] in (" ", "\t") and n > 1:
            current += raw[1:]
            continue
        if n > 1:
            yield start, _ICS_ESCAPE.sub(lambda m: " " if m.group(1) in "nN" else m.group(1), current)
        current, start = raw, n
    yield start, _ICS_ESCAPE.sub(lambda m: " " if m.group(1) in "nN" else m.group(1), current)


def _unescape(text: str) -> str:
    """Character references decoded (&#49; is a digit too), keeping the line breaks as they were."""
    if "&" not in text:
        return text
    decoded = html.unescape(text)
    if decoded.count("\n") == text.count("\n"):
        return decoded
    return "\n".join(html.unescape(line).replace("\n", " ") for line in text.split("\n"))  # &#10; in the text
