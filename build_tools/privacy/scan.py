"""Scanning files: how each kind is opened, and the rules run on its text.

Text files are read as published (formats.py: tags out of HTML, escapes out of JSON, folded
calendar lines joined); archives, documents and compressed files member by member and page by
page (containers.py, documents.py), named `archive!/member`; images for GPS, their text
metadata, and whether a person has stated what they show (statements.py, faces.py). A file
that cannot be opened, or of a kind that cannot be read, is an error, not a pass: this is a
firewall, it fails closed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..detect import phone
from ..detect.detectors import ALL, Detector
from ..detect.hits import MARKS, SPACES, Hit, Text, prepare
from ..load.strict_yaml import parse
from ..report.problems import Report
from . import consent, containers, documents, faces, formats, images, pagefind, tables
from .exceptions import Exceptions, exceptable, span_ref
from .statements import Statements, needs_statement, sha256

_SEPARATORS = re.compile(rf"[{SPACES}{MARKS}\\\r\n]")  # the same number however grouped is one finding
_HAN = re.compile("[\u4e00-\u9fff]")

ARCHIVES = {".zip", ".xlsx", ".xlsm", ".docx", ".docm", ".pptx", ".odt", ".ods", ".odp", ".epub"}
COMPRESSED = {".gz", ".tgz", ".xz", ".txz", ".lzma", ".bz2", ".tbz2", ".tar"}
REFUSED = {suffix for _, suffixes, _ in documents.REFUSED for suffix in suffixes}
SCANNED = formats.TEXT | ARCHIVES | images.EXTENSIONS | COMPRESSED | REFUSED | {".pdf"}
MAX_BYTES = containers.MAX_BYTES


@dataclass
class Scanner:
    """One scan: where problems go and what it allows."""

    report: Report
    detectors: tuple[Detector, ...] = ALL
    published: frozenset[str] = frozenset()  # mobile numbers the data publishes with consent
    data_images: bool = True  # report images under a data/ folder
    every_type: bool = False  # read files of any type (a built site), not only SCANNED ones
    exceptions: Exceptions | None = None  # the reviewed exceptions that let a false alarm through
    allowed: frozenset[tuple[str, str]] = frozenset()  # (rule, text) let through at the source: the site may show them
    statements: Statements | None = None  # image statements (source scans); None: look for faces instead (the site)
    files: int = 0
    skipped: list[str] = field(default_factory=list)
    _digest: str = ""  # SHA-256 of the file being scanned (the outermost, for members)
    _pictures: set[str] = field(default_factory=set)  # files already reported for a picture

    def path(self, path: Path, name: str) -> None:
        """Scan one file on disk, reported as `name`."""
        wanted = PurePosixPath(name).suffix.lower() in SCANNED or self.in_data(name) or _in_content(name)
        if not wanted and not self.every_type:
            self.skipped.append(name)
            return
        try:
            size = path.stat().st_size
            data = path.read_bytes() if size <= MAX_BYTES else b""
        except OSError as exc:
            self.report.add("file/unreadable", name, 1, reason=exc.strerror or type(exc).__name__)
            return
        if size > MAX_BYTES:
            self.report.add("privacy/not-scanned", name, 1, reason=f"超过 {MAX_BYTES // 2**20} MB")
            return
        self.blob(name, data)

    def blob(self, name: str, data: bytes, depth: int = 0) -> None:
        """Scan a file's bytes by its kind."""
        self.files += 1
        if depth == 0:
            self._digest = sha256(data)
        suffix, head = PurePosixPath(name).suffix.lower(), data[:16]
        refused = documents.refused(name, head)
        compressed = documents.compressed_kind(name, head)
        if refused:
            return containers.not_scanned(self, name, refused)
        if suffix in (".gz", ".tgz") or head[:2] == b"\x1f\x8b":
            return containers.gzipped(self, name, data, depth)
        if compressed:
            return containers.compressed(self, name, data, compressed, depth)
        if documents.is_tar(name, data):
            return containers.tar(self, name, data, depth)
        if suffix in ARCHIVES or head[:4] == b"PK\x03\x04":
            return containers.zipped(self, name, data, depth)
        if documents.is_pdf(name, head):
            return containers.pdf(self, name, data)
        if images.is_image(name, head):
            containers.image(self, name, data)
            if suffix != ".svg":
                return
        elif b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            if self.in_data(name) or _in_content(name) or suffix in SCANNED:
                return containers.not_scanned(self, name, "不是文字文件，也不是能识别的图片、文档或压缩包")
            return self.skipped.append(name)  # a font or other binary file of the site's theme
        text = formats.decode(data)
        containers.table(self, name, data, text)
        self.text(name, text)

    def picture(self, name: str, data: bytes | None) -> None:
        """An image (or a document with pictures, data None) may be published only when stated, and on the
        site only when it shows no face or was stated at the source."""
        top = name.split("!/")[0]
        if self.statements is not None and needs_statement(top):
            if top in self._pictures or self.statements.covers(top, self._digest):
                return
            self._pictures.add(top)
            face = data is not None and faces.has_face(data)
            self.report.add("privacy/image-face" if face else "privacy/image-unstated", top, 1, sha=self._digest)
        elif data is not None and ("image", sha256(data)) not in self.allowed and faces.has_face(data):
            self.report.add("privacy/image-face", name, 1, sha=sha256(data))

    def text(self, name: str, text: str, plain: bool = False) -> None:
        """Run the detectors over a text file: as written, then as decoded (formats.decoded).

        plain: the text as it is, whatever its name says (text taken out of a document).
        """
        contacts: dict[int, consent.ContactPhone] | None = None
        seen: set[tuple[int, str, str]] = set()  # a page's visible text and its markup show the same number
        found: set[tuple[str, str]] = set()  # a decoded reading reports only what the written one missed
        written = [(1, text)] if plain else formats.chunks(name, text)
        for readings, decoded in ((written, False), (formats.decoded("plain.txt" if plain else name, text), True)):
            for first_line, chunk in readings:
                may = {d.needs: None for d in self.detectors}  # detectors share tests: each is run once
                may = {needs: needs.search(chunk) is not None for needs in may}
                active = [d.find for d in self.detectors if may[d.needs]]
                if not active:
                    continue
                prepared = prepare(chunk)
                for hit in _first_of_overlapping(find(prepared.text) for find in active):
                    offset, column = prepared.where(hit.start)
                    line = first_line + offset
                    what = _SEPARATORS.sub("", prepared.text[hit.start : hit.end])
                    if (line, hit.code, what) in seen or decoded and (hit.code, what) in found:
                        continue
                    seen.add((line, hit.code, what))
                    found.add((hit.code, what))
                    if hit.code != "privacy/mobile":
                        self._finding(name, line, column, hit, prepared)
                        continue
                    if contacts is None:
                        contacts = _contact_phones(name, text)
                    number = phone.digits(prepared.text[hit.start : hit.end])
                    self._mobile(name, line, column, number, contacts.get(line), hit, prepared)

    def _finding(self, name: str, line: int, column: int, hit: Hit, prepared: Text) -> None:
        """Report a finding, unless a reviewed exception (or, on the site, the source's) lets it through."""
        span = prepared.text[hit.start : hit.end]
        if (hit.code, span) in self.allowed:
            return
        if not exceptable(hit.code):
            return self.report.add(hit.code, name, line, column=column)
        begin = prepared.text.rfind("\n", 0, hit.start) + 1
        end = prepared.text.find("\n", hit.end)
        context = prepared.text[begin : end if end >= 0 else len(prepared.text)]
        entry = self.exceptions.allows(name, hit.code, span, context) if self.exceptions else None
        if entry is None:
            ref = span_ref(tables.source_path(name) or name, hit.code, span, context)
            self.report.add(hit.code, name, line, column=column, ref=ref)
        else:
            self.report.add("privacy/exception-used", name, line, column=column, entry=entry.line, reviewer=entry.reviewer)

    def _mobile(self, name: str, line: int, column: int, number: str, contact: consent.ContactPhone | None, hit: Hit,
                prepared: Text) -> None:
        if number in self.published:
            return  # the site may show what the data publishes with consent
        if contact is None or contact.digits != number:
            self._finding(name, line, column, hit, prepared)
        elif not contact.consent:
            # Exactly the problem the record checks (consistency.py) report, so that a report
            # holding both prints it once.
            self.report.add("privacy/mobile-without-consent", name, contact.key_line, "contact.phone")

    def in_data(self, name: str) -> bool:
        """Under a data/ folder, where every file is read whatever its type and images are errors."""
        return self.data_images and "data" in PurePosixPath(name).parts[:-1]

    def pagefind(self, name: str, data: bytes) -> None:
        """The search index's chunks, filters and page fragments (decompressed), as the browser reads them."""
        try:
            text = pagefind.text_of(name, data)
        except pagefind.NotReadable as exc:
            return self.report.add("privacy/not-scanned", name, 1, reason=f"搜索索引文件无法读取（{exc}）")
        if text is not None:
            self.text(name, text, plain=True)


def _in_content(name: str) -> bool:
    """Under content/ (all of it is copied into the site): every file is read, whatever its type."""
    return "content" in PurePosixPath(name.split("!/")[0]).parts[:-1]


def _first_of_overlapping(per_detector: Iterable[Iterator[Hit]]) -> list[Hit]:
    """All hits, in detector order, leaving out any that overlaps one already kept."""
    kept: list[Hit] = []
    for hits in per_detector:
        for hit in hits:
            if all(hit.end <= k.start or hit.start >= k.end for k in kept):
                kept.append(hit)
    return kept


def _contact_phones(name: str, text: str) -> dict[int, consent.ContactPhone]:
    """For YAML records: the lines of contact.phone values and whether consent is given."""
    if PurePosixPath(name).suffix.lower() not in (".yaml", ".yml"):
        return {}
    doc, _ = parse(text)
    return consent.contact_phones(doc)
