"""Scanning files: how each kind is opened, and the rules run on its text.

Text files are read as published (formats.py: tags out of HTML, escapes out of JSON, folded
calendar lines joined); archives (.zip, .xlsx, .docx…) member by member, named
`archive!/member`; .gz decompressed; images checked for GPS and, under data/, for being
there at all. A file that cannot be opened is an error, not a pass: this is a firewall, it
fails closed.
"""

from __future__ import annotations

import gzip
import io
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..problems import Report
from ..strict_yaml import parse
from . import address, bankcard, birthdate, formats, idnumber, images, names, pagefind, phone
from .hits import Hit, prepare

_DIGIT = re.compile("[0-9\uff10-\uff19〇零一幺二三四五六七八九]")
_HAN = re.compile("[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Detector:
    find: Callable[[str], Iterator[Hit]]
    needs: re.Pattern  # a line without this cannot match: most lines of a page skip the detector


#: Earlier detectors win where findings overlap (an ID number is not also reported as a card).
BLOCKING = (Detector(idnumber.find, _DIGIT), Detector(bankcard.find, _DIGIT), Detector(phone.find, _DIGIT))
ALL = (*BLOCKING, Detector(names.find, _HAN), Detector(address.find, _HAN), Detector(birthdate.find, _HAN))

ARCHIVES = {".zip", ".xlsx", ".xlsm", ".docx", ".pptx", ".odt", ".ods", ".odp", ".epub"}
SCANNED = formats.TEXT | ARCHIVES | images.EXTENSIONS | {".gz"}
MAX_BYTES = 64 * 1024 * 1024  # a file, an archive member or a decompressed .gz
MAX_DEPTH = 2  # archives inside archives


@dataclass
class Scanner:
    """One scan: where problems go and what it allows."""

    report: Report
    detectors: tuple[Detector, ...] = ALL
    published: frozenset[str] = frozenset()  # mobile numbers the data publishes with consent
    data_images: bool = True  # report images under a data/ folder
    every_type: bool = False  # read files of any type (a built site), not only SCANNED ones
    files: int = 0
    skipped: list[str] = field(default_factory=list)

    def path(self, path: Path, name: str) -> None:
        """Scan one file on disk, reported as `name`."""
        if PurePosixPath(name).suffix.lower() not in SCANNED and not self._in_data(name) and not self.every_type:
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
        suffix = PurePosixPath(name).suffix.lower()
        if suffix == ".gz" or data[:2] == b"\x1f\x8b":
            return self._gzip(name, data, depth)
        if suffix in ARCHIVES or data[:4] == b"PK\x03\x04":
            return self._archive(name, data, depth)
        if images.is_image(name, data[:16]):
            self._image(name, data)
            if suffix != ".svg":
                return
        elif b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            if self._in_data(name) or suffix in SCANNED:
                return self.report.add("privacy/not-scanned", name, 1, reason="不是文字文件，也不是能识别的图片或压缩包")
            return self.skipped.append(name)  # a font or other binary file of the site's theme
        self.text(name, formats.decode(data))

    def text(self, name: str, text: str) -> None:
        """Run the detectors over a text file."""
        contacts: dict[int, phone.ContactPhone] | None = None
        seen: set[tuple[int, str, str]] = set()  # a page's visible text and its markup show the same number
        for first_line, chunk in formats.chunks(name, text):
            active = [d.find for d in self.detectors if d.needs.search(chunk)]
            if not active:
                continue
            prepared = prepare(chunk)
            for hit in _first_of_overlapping(find(prepared.text) for find in active):
                offset, column = prepared.where(hit.start)
                line = first_line + offset
                key = (line, hit.code, prepared.text[hit.start : hit.end])
                if key in seen:
                    continue
                seen.add(key)
                if hit.code != "privacy/mobile":
                    self.report.add(hit.code, name, line, column=column)
                    continue
                if contacts is None:
                    contacts = _contact_phones(name, text)
                self._mobile(name, line, column, phone.digits(prepared.text[hit.start : hit.end]), contacts.get(line))

    def _mobile(self, name: str, line: int, column: int, number: str, contact: phone.ContactPhone | None) -> None:
        if number in self.published:
            return  # the site may show what the data publishes with consent
        if contact is None or contact.digits != number:
            self.report.add("privacy/mobile", name, line, column=column)
        elif not contact.consent:
            # Exactly the problem the record checks (consistency.py) report, so that a report
            # holding both prints it once.
            self.report.add("privacy/mobile-without-consent", name, contact.key_line, "contact.phone")

    def _in_data(self, name: str) -> bool:
        """Under a data/ folder, where every file is read whatever its type and images are errors."""
        return self.data_images and "data" in PurePosixPath(name).parts[:-1]

    def _image(self, name: str, data: bytes) -> None:
        if self._in_data(name):
            self.report.add("privacy/image-in-data", name, 1)
        if images.has_gps(data):
            self.report.add("privacy/image-gps", name, 1)

    def _gzip(self, name: str, data: bytes, depth: int) -> None:
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(data)) as gz:
                inner = gz.read(MAX_BYTES + 1)
        except (OSError, EOFError) as exc:
            return self.report.add("privacy/not-scanned", name, 1, reason=f"无法解压（{type(exc).__name__}）")
        if len(inner) > MAX_BYTES or depth >= MAX_DEPTH:
            return self.report.add("privacy/not-scanned", name, 1, reason="解压后太大或嵌套太深")
        if pagefind.is_pagefind(inner):
            return self._pagefind(name, inner)
        self.blob(f"{name}!/{PurePosixPath(name).stem}", inner, depth + 1)  # sitemap.xml.gz!/sitemap.xml

    def _pagefind(self, name: str, data: bytes) -> None:
        """The search index's chunks, filters and page fragments, as the browser reads them."""
        try:
            text = pagefind.text_of(name, data)
        except pagefind.NotReadable as exc:
            return self.report.add("privacy/not-scanned", name, 1, reason=f"搜索索引文件无法读取（{exc}）")
        if text is not None:
            self.text(name, text)

    def _archive(self, name: str, data: bytes, depth: int) -> None:
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                for info in z.infolist():
                    if info.is_dir():
                        continue
                    member = f"{name}!/{info.filename}"
                    if info.file_size > MAX_BYTES or depth >= MAX_DEPTH:
                        self.report.add("privacy/not-scanned", member, 1, reason="压缩包成员太大或嵌套太深")
                        continue
                    self.blob(member, z.read(info), depth + 1)
        except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError) as exc:
            self.report.add("privacy/not-scanned", name, 1, reason=f"无法打开压缩包（{type(exc).__name__}）")


def _first_of_overlapping(per_detector: Iterable[Iterator[Hit]]) -> list[Hit]:
    """All hits, in detector order, leaving out any that overlaps one already kept."""
    kept: list[Hit] = []
    for hits in per_detector:
        for hit in hits:
            if all(hit.end <= k.start or hit.start >= k.end for k in kept):
                kept.append(hit)
    return kept


def _contact_phones(name: str, text: str) -> dict[int, phone.ContactPhone]:
    """For YAML records: the lines of contact.phone values and whether consent is given."""
    if PurePosixPath(name).suffix.lower() not in (".yaml", ".yml"):
        return {}
    doc, _ = parse(text)
    return phone.contact_phones(doc)
