"""Files that hold other files or text the scanner must dig out: how each is opened, member by member.

Each function takes the scanner and scans what it finds through scanner.blob (members, named
`archive!/member`) or scanner.text (text layers, named `file!/page-3`, `image!/metadata`).
A file that cannot be opened is reported (privacy/not-scanned), never passed: the scanner is
a firewall and fails closed.
"""

from __future__ import annotations

import gzip
import io
import tarfile
import zipfile
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from . import documents, images, pagefind, tables

if TYPE_CHECKING:
    from .scan import Scanner

MAX_BYTES = 64 * 1024 * 1024  # a file, an archive member or a decompressed file
MAX_DEPTH = 2  # archives inside archives
MAX_MEMBERS = 10000
OFFICE = {".docx", ".docm", ".xlsx", ".xlsm", ".pptx", ".odt", ".ods", ".odp"}


def not_scanned(scanner: Scanner, name: str, reason: str) -> None:
    scanner.report.add("privacy/not-scanned", name, 1, reason=reason)


def gzipped(scanner: Scanner, name: str, data: bytes, depth: int) -> None:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as gz:
            inner = gz.read(MAX_BYTES + 1)
    except (OSError, EOFError) as exc:
        return not_scanned(scanner, name, f"无法解压（{type(exc).__name__}）")
    _inner(scanner, name, inner, depth)


def compressed(scanner: Scanner, name: str, data: bytes, kind: str, depth: int) -> None:
    try:
        inner = documents.decompress(kind, data, MAX_BYTES)
    except documents.Unreadable as exc:
        return not_scanned(scanner, name, str(exc))
    _inner(scanner, name, inner, depth)


def _inner(scanner: Scanner, name: str, inner: bytes, depth: int) -> None:
    if len(inner) > MAX_BYTES or depth >= MAX_DEPTH:
        return not_scanned(scanner, name, "解压后太大或嵌套太深")
    if pagefind.is_pagefind(inner):  # the search index (site/pagefind/*.pf_*): JSON and CBOR behind a signature
        return scanner.pagefind(name, inner)
    scanner.blob(f"{name}!/{PurePosixPath(name).stem}", inner, depth + 1)  # sitemap.xml.gz!/sitemap.xml


def tar(scanner: Scanner, name: str, data: bytes, depth: int) -> None:
    try:
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:") as archive:
            for n, info in enumerate(archive):
                member = f"{name}!/{info.name}"
                if n >= MAX_MEMBERS or (info.isfile() and (info.size > MAX_BYTES or depth >= MAX_DEPTH)):
                    not_scanned(scanner, member, "压缩包成员太多、太大或嵌套太深")
                    return
                if info.isfile():
                    scanner.blob(member, archive.extractfile(info).read(), depth + 1)
                elif not info.isdir():
                    not_scanned(scanner, member, "压缩包里的链接或特殊文件")
    except (tarfile.TarError, OSError, EOFError) as exc:
        not_scanned(scanner, name, f"无法打开压缩包（{type(exc).__name__}）")


def zipped(scanner: Scanner, name: str, data: bytes, depth: int) -> None:
    """A zip archive, an office document among them: its text parts are read as paragraphs."""
    office = PurePosixPath(name).suffix.lower() in OFFICE
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = [i for i in z.infolist() if not i.is_dir()]
            if len(infos) > MAX_MEMBERS:
                return not_scanned(scanner, name, "压缩包成员太多")
            for info in infos:
                member = f"{name}!/{info.filename}"
                if info.file_size > MAX_BYTES or depth >= MAX_DEPTH:
                    not_scanned(scanner, member, "压缩包成员太大或嵌套太深")
                elif office and documents.OFFICE_TEXT.fullmatch(info.filename):
                    _paragraphs(scanner, member, z.read(info))
                else:
                    scanner.blob(member, z.read(info), depth + 1)
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError, EOFError) as exc:
        return not_scanned(scanner, name, f"无法打开压缩包（{type(exc).__name__}）")
    table(scanner, name, data, None)


def _paragraphs(scanner: Scanner, member: str, xml: bytes) -> None:
    scanner.files += 1
    try:
        scanner.text(member, documents.paragraphs(xml), plain=True)
    except documents.Unreadable as exc:
        not_scanned(scanner, member, str(exc))


def pdf(scanner: Scanner, name: str, data: bytes) -> None:
    try:
        pages, meta, pictures = documents.pdf(data)
    except documents.Unreadable as exc:
        return not_scanned(scanner, name, str(exc))
    for n, text in enumerate(pages, 1):
        scanner.text(f"{name}!/page-{n}", text, plain=True)
    scanner.text(f"{name}!/metadata", meta, plain=True)
    if pictures:
        scanner.picture(name, None)


def image(scanner: Scanner, name: str, data: bytes) -> None:
    """An image: under data/ at all, its GPS position, its text metadata, and whether it may be shown."""
    if scanner.in_data(name):
        scanner.report.add("privacy/image-in-data", name, 1)
    if images.has_gps(data):
        scanner.report.add("privacy/image-gps", name, 1)
    if PurePosixPath(name).suffix.lower() != ".svg":
        meta = images.metadata_text(data)
        if meta:
            scanner.text(f"{name}!/metadata", meta, plain=True)
    scanner.picture(name, data)


def table(scanner: Scanner, name: str, data: bytes, text: str | None) -> None:
    """A table of people under data/ or content/ is refused whole."""
    if not tables.applies(name):
        return
    try:
        reason = tables.check(name, data, text)
    except Exception as exc:  # noqa: BLE001 — openpyxl and the XML readers raise many kinds on damaged files
        return not_scanned(scanner, name, f"表格无法读取（{type(exc).__name__}）")
    if reason:
        scanner.report.add("privacy/people-table", name, 1, reason=reason)

