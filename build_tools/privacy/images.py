"""Images: none under data/, no GPS position in any image anywhere, and their metadata read as text.

A photo of a child must never be published; the data folder holds text only, so any image
there is an error (recognised by its extension or by its first bytes, so a renamed photo is
caught too). A picture elsewhere (content/, the built site) must not carry the place it was
taken: EXIF GPS tags (read with exifread, for JPEG, TIFF, PNG, WebP and HEIC) or XMP GPS
properties. Their text metadata (EXIF description, artist and comments, XMP, IPTC, JPEG
comments, PNG text chunks, compressed or not) is text like any other: `metadata_text` gives it
to the detectors, so an ID number in a photo's description is found. Whether an image may be
published at all is statements.py's question.
"""

from __future__ import annotations

import io
import logging
import re
import struct
import zlib
from pathlib import PurePosixPath

import exifread

EXTENSIONS = {".jpg", ".jpeg", ".jpe", ".jfif", ".png", ".gif", ".webp", ".bmp", ".tif", ".tiff", ".heic", ".heif",
              ".avif", ".ico", ".svg"}
_MAGIC = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"GIF87a", b"GIF89a", b"II*\x00", b"MM\x00*", b"\x00\x00\x01\x00")
_XMP_GPS = re.compile(rb"exif:GPS(?:Latitude|Longitude)\s*(?:=|>)")
_GPS_TAGS = ("GPS GPSLatitude", "GPS GPSLongitude")

logging.getLogger("exifread").setLevel(logging.CRITICAL)  # it logs every odd tag it meets


def is_image(name: str, head: bytes) -> bool:
    """An image by its extension or by its first bytes (a photo renamed to .txt is still one)."""
    if PurePosixPath(name).suffix.lower() in EXTENSIONS:
        return True
    if head.startswith(_MAGIC):
        return True
    # RIFF….WEBP, and ISO media files (….ftypheic / avif / mif1): HEIC is what phones save.
    return (head[:4] == b"RIFF" and head[8:12] == b"WEBP") or (
        head[4:8] == b"ftyp" and head[8:12] in (b"heic", b"heix", b"hevc", b"mif1", b"msf1", b"avif"))


def has_gps(data: bytes) -> bool:
    """True when the image records where it was taken (EXIF GPS position or XMP GPS)."""
    if _XMP_GPS.search(data):
        return True
    try:
        tags = exifread.process_file(io.BytesIO(data), details=False, extract_thumbnail=False)
    except Exception:  # noqa: BLE001 — exifread raises many kinds on damaged files; no EXIF then
        return False
    return any(tag in tags for tag in _GPS_TAGS)


_RUN = re.compile("[\x20-\x7e\u00a0-\u00ff\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]{4,}")
MAX_METADATA = 256 * 1024  # bytes of metadata read per image


def metadata_text(data: bytes) -> str:
    """The text an image carries besides its picture, one string a line (empty when none)."""
    strings: list[str] = []
    for payload, utf16 in _metadata_blocks(data):
        payload = payload[:MAX_METADATA]
        strings += _RUN.findall(payload.decode("utf-8", "replace"))
        if utf16:  # EXIF's XP tags and Unicode comments are UTF-16, in either byte order
            for codec in ("utf-16-le", "utf-16-be"):
                for skip in (0, 1):
                    strings += [s for s in _RUN.findall(payload[skip:].decode(codec, "replace")) if not s.isascii()]
    return "\n".join(dict.fromkeys(strings))


def _metadata_blocks(data: bytes):
    """(bytes, may hold UTF-16) of each metadata block: JPEG APPn and COM segments, PNG text chunks, WebP chunks."""
    if data.startswith(b"\xff\xd8"):
        yield from _jpeg_segments(data)
    elif data.startswith(b"\x89PNG\r\n\x1a\n"):
        yield from _png_chunks(data)
    elif data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        pos = 12
        while pos + 8 <= len(data):
            kind, size = data[pos : pos + 4], struct.unpack("<I", data[pos + 4 : pos + 8])[0]
            if kind in (b"EXIF", b"XMP "):
                yield data[pos + 8 : pos + 8 + size], kind == b"EXIF"
            pos += 8 + size + (size & 1)
    else:  # GIF, TIFF, HEIC…: the metadata sits near the start
        yield data[:MAX_METADATA], True


def _jpeg_segments(data: bytes):
    pos = 2
    while pos + 4 <= len(data) and data[pos] == 0xFF:
        marker = data[pos + 1]
        if marker == 0xDA:  # start of the picture data: no metadata after it
            return
        size = struct.unpack(">H", data[pos + 2 : pos + 4])[0]
        if 0xE0 <= marker <= 0xEF or marker == 0xFE:
            yield data[pos + 4 : pos + 2 + size], marker == 0xE1
        pos += 2 + size


def _png_chunks(data: bytes):
    pos = 8
    while pos + 8 <= len(data):
        size, kind = struct.unpack(">I", data[pos : pos + 4])[0], data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + size]
        if kind == b"tEXt":
            yield body, False
        elif kind == b"zTXt":
            yield body.split(b"\0", 1)[0] + b"\n" + _inflate(body.split(b"\0", 1)[-1][1:]), False
        elif kind == b"iTXt":
            keyword, _, rest = body.partition(b"\0")
            compressed, text = rest[:1] == b"\1", rest[2:].split(b"\0", 2)[-1]
            yield keyword + b"\n" + (_inflate(text) if compressed else text), False
        elif kind == b"eXIf":
            yield body, True
        pos += 12 + size


def _inflate(data: bytes) -> bytes:
    try:
        return zlib.decompressobj().decompress(data, MAX_METADATA)
    except zlib.error:
        return b""
