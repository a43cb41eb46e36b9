"""Pagefind's search files (site/pagefind/), read as the browser reads them.

Every index chunk (.pf_index), filter (.pf_filter), page fragment (.pf_fragment) and the
metadata (.pf_meta) is a gzip stream whose content starts with the signature `pagefind_dcd`:
fragments are JSON (a page's text, title and metadata), the others CBOR (the index's words,
the filters' values). The scanner reads the JSON as text and the CBOR's text strings one per
line, so a number in a page is found in the index too. The WebAssembly program
(wasm.*.pagefind) is Pagefind's code, not our data, like the theme's scripts. Anything else
behind the signature, or CBOR that does not parse, is not published (fail closed).
"""

from __future__ import annotations

from pathlib import PurePosixPath

from . import formats

SIGNATURE = b"pagefind_dcd"
_JSON = {".pf_fragment"}
_CBOR = {".pf_index", ".pf_filter", ".pf_meta"}
_WASM = b"\x00asm"
MAX_ITEMS = 50_000_000  # a CBOR item count no real chunk reaches: a hostile file stops here


class NotReadable(ValueError):
    pass


def is_pagefind(data: bytes) -> bool:
    """Decompressed Pagefind content (it starts with the signature)."""
    return data.startswith(SIGNATURE)


def text_of(name: str, data: bytes) -> str | None:
    """The text to scan in one decompressed Pagefind file; None for Pagefind's own program.

    `name` is the file's name in the site (…/zh_1a2b3c.pf_index). Raises NotReadable when the
    content is not what its name says.
    """
    body = data[len(SIGNATURE):]
    suffix = PurePosixPath(name).suffix.lower()
    if body.startswith(_WASM) and PurePosixPath(name).name.startswith("wasm."):
        return None
    if suffix in _JSON:
        try:
            return formats.json_text(body.decode("utf-8"))
        except UnicodeDecodeError as exc:
            raise NotReadable("片段不是 UTF-8 文字") from exc
    if suffix in _CBOR:
        # One item a line, each between ";" like a table cell: the index's words and numbers are
        # separate items (word positions, page numbers), never parts of one number to be joined
        # over lines (hits.py joins digits across a line break, but not across table cells).
        return "\n".join(f";{item};" for item in cbor_strings(body))
    raise NotReadable("不认识的 Pagefind 文件")


def cbor_strings(data: bytes) -> list[str]:
    """Every text string in a CBOR document (RFC 8949), in order; numbers as digits too."""
    out: list[str] = []
    pos, pending, count = 0, 0, 0  # items still to read at this level are counted in `pending`
    stack: list[int] = []
    while pos < len(data) or pending or stack:
        if pending == 0:
            if stack:
                pending = stack.pop()
                continue
            if data.startswith(SIGNATURE, pos):  # Pagefind writes each part behind its own signature
                pos += len(SIGNATURE)
            pending = 1  # the next top-level item
            continue
        if pos >= len(data):
            raise NotReadable("CBOR 数据不完整")
        count += 1
        if count > MAX_ITEMS:
            raise NotReadable("CBOR 数据项太多")
        major, info = data[pos] >> 5, data[pos] & 0x1F
        pos += 1
        value, pos = _argument(data, pos, info)
        pending -= 1
        if major in (0, 1):  # integers: a number written as a number still shows
            out.append(str(value if major == 0 else -1 - value))
        elif major in (2, 3):
            if value is None:
                raise NotReadable("不支持不定长字符串")
            chunk = data[pos:pos + value]
            if len(chunk) != value:
                raise NotReadable("CBOR 数据不完整")
            pos += value
            if major == 3:
                out.append(chunk.decode("utf-8", errors="replace"))
        elif major in (4, 5):
            if value is None:
                raise NotReadable("不支持不定长数组")
            stack.append(pending)
            pending = value * (2 if major == 5 else 1)
        elif major == 6:  # a tag: the item after it
            pending += 1
        # major 7: simple values and floats carry no text
    return out


def _argument(data: bytes, pos: int, info: int) -> tuple[int | None, int]:
    if info < 24:
        return info, pos
    if info in (24, 25, 26, 27):
        size = 1 << (info - 24)
        raw = data[pos:pos + size]
        if len(raw) != size:
            raise NotReadable("CBOR 数据不完整")
        return int.from_bytes(raw, "big"), pos + size
    if info == 31:
        return None, pos
    raise NotReadable("CBOR 数据格式不对")
