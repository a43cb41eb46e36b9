"""Images: none under data/, and no GPS position in any image anywhere.

A photo of a child must never be published; the data folder holds text only, so any image
there is an error (recognised by its extension or by its first bytes, so a renamed photo is
caught too). A picture elsewhere (content/, the built site) must not carry the place it was
taken: EXIF GPS tags (read with exifread, for JPEG, TIFF, PNG, WebP and HEIC) or XMP GPS
properties.
"""

from __future__ import annotations

import io
import logging
import re
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
