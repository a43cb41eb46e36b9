"""Documents and archives the scanner opens, and the kinds it refuses because it cannot read them.

- Office Open XML and OpenDocument (.docx, .xlsx, .pptx, .odt, .ods…): zip archives whose text
  parts are read paragraph by paragraph (a Word paragraph split into runs, 张|小明, is one
  line again), their other members as usual.
- PDF (pypdf): the text layer of every page, compressed or not, and the document's metadata;
  whether it holds pictures (they need a statement like any image, see statements.py).
- tar archives (plain, .gz, .xz, .bz2) member by member; .xz and .bz2 files decompressed.
- Refused: the old binary Office formats (.doc, .xls, .ppt, .wps, .et, .dps), RTF, 7z, RAR and
  zstd — there is no reliable way here to read their text, and what cannot be read is not
  published. Each refusal says what to save the file as instead.
"""

from __future__ import annotations

import bz2
import io
import logging
import lzma
import re
from pathlib import PurePosixPath

MAX_PAGES = 2000
# Text parts of office documents, read as paragraphs (one line each).
OFFICE_TEXT = re.compile(
    r"(?:word/(?:document|header[0-9]*|footer[0-9]*|footnotes|endnotes|comments)|ppt/(?:slides/slide|notesSlides/notesSlide)[0-9]+"
    r"|xl/sharedStrings|content|styles)\.xml")
_PARAGRAPHS = {"p", "h", "si"}  # w:p, a:p (slides), text:p, text:h (OpenDocument), si (a shared string of a sheet)

# (first bytes, or None; file name endings; why it is refused and what to do instead)
REFUSED = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", (".doc", ".xls", ".ppt", ".wps", ".et", ".dps", ".msg"),
     "旧式 Office 或 WPS 文档（.doc、.xls、.ppt、.wps、.et）无法可靠地读出文字；请另存为 .docx、.xlsx 或 PDF"),
    (b"{\\rtf", (".rtf",), "RTF 文档无法可靠地读出文字；请另存为 .docx 或 PDF"),
    (b"7z\xbc\xaf\x27\x1c", (".7z",), "7z 压缩包无法检查；请改用 .zip"),
    (b"Rar!\x1a\x07", (".rar",), "RAR 压缩包无法检查；请改用 .zip"),
    (b"\x28\xb5\x2f\xfd", (".zst",), "zstd 压缩文件无法检查；请改用 .zip 或 .gz"),
)


class Unreadable(Exception):
    """The file is of a kind we read, but this one cannot be read (encrypted, damaged, too big)."""


def refused(name: str, head: bytes) -> str | None:
    """Why a file of this kind is not published (its first bytes or its name), or None."""
    suffix = PurePosixPath(name).suffix.lower()
    for magic, suffixes, reason in REFUSED:
        if head.startswith(magic) or suffix in suffixes:
            return reason
    return None


def is_pdf(name: str, head: bytes) -> bool:
    return head.startswith(b"%PDF-") or PurePosixPath(name).suffix.lower() == ".pdf"


def is_tar(name: str, data: bytes) -> bool:
    return data[257:262] == b"ustar" or PurePosixPath(name).suffix.lower() in (".tar",)


def compressed_kind(name: str, head: bytes) -> str | None:
    """'xz' or 'bz2' for a compressed single file, by its first bytes or name."""
    suffix = PurePosixPath(name).suffix.lower()
    if head.startswith(b"\xfd7zXZ\x00") or suffix in (".xz", ".txz", ".lzma"):
        return "xz"
    if (head.startswith(b"BZh") and head[4:10] == b"1AY&SY") or suffix in (".bz2", ".tbz2"):
        return "bz2"
    return None


def decompress(kind: str, data: bytes, limit: int) -> bytes:
    """The content of an .xz or .bz2 file, at most limit + 1 bytes (the caller checks the size)."""
    decompressor = lzma.LZMADecompressor() if kind == "xz" else bz2.BZ2Decompressor()
    try:
        return decompressor.decompress(data, max_length=limit + 1)
    except (lzma.LZMAError, OSError, EOFError, ValueError) as exc:
        raise Unreadable(f"无法解压（{type(exc).__name__}）") from exc


def paragraphs(xml: bytes) -> str:
    """The text of an office document's XML part, one paragraph a line."""
    from defusedxml import ElementTree
    from defusedxml.common import DefusedXmlException

    try:
        root = ElementTree.fromstring(xml)
    except (ElementTree.ParseError, DefusedXmlException, ValueError) as exc:
        raise Unreadable(f"文档内容无法解析（{type(exc).__name__}）") from exc
    lines = ["".join(el.itertext()) for el in root.iter() if isinstance(el.tag, str) and el.tag.rsplit("}", 1)[-1] in _PARAGRAPHS]
    return "\n".join(lines)


def pdf(data: bytes) -> tuple[list[str], str, bool]:
    """(text of each page, metadata as text, whether it holds pictures) of a PDF."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # it warns about every odd object
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise Unreadable("PDF 加了密码")
        if len(reader.pages) > MAX_PAGES:
            raise Unreadable(f"超过 {MAX_PAGES} 页")
        pages = [page.extract_text() or "" for page in reader.pages]
        meta = "\n".join(f"{k}: {v}" for k, v in (reader.metadata or {}).items())
        xmp = reader.trailer["/Root"].get("/Metadata")
        if xmp is not None:
            meta += "\n" + xmp.get_object().get_data().decode("utf-8", "replace")
        pictures = any(_has_images(page) for page in reader.pages)
    except Unreadable:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, RecursionError, OSError, NotImplementedError) as exc:
        raise Unreadable(f"PDF 无法读取（{type(exc).__name__}）") from exc
    return pages, meta, pictures


def _has_images(node, depth: int = 0) -> bool:
    """A page (or a form drawn on it, two levels deep) draws a picture."""
    resources = node.get("/Resources")
    xobjects = resources.get_object().get("/XObject") if resources is not None else None
    if xobjects is None:
        return False
    for x in (x.get_object() for x in xobjects.get_object().values()):
        if x.get("/Subtype") == "/Image" or (x.get("/Subtype") == "/Form" and depth < 2 and _has_images(x, depth + 1)):
            return True
    return False
