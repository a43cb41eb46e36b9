"""Small images built byte by byte for the privacy tests: EXIF with or without a GPS position.

No image library is needed: an EXIF block is a TIFF header and one or two IFDs (tag tables);
the GPS IFD holds latitude and longitude as three rationals each (degrees, minutes, seconds).
"""

from __future__ import annotations

import struct
import zlib

_TIFF_TYPES = {"ASCII": 2, "SHORT": 3, "LONG": 4, "RATIONAL": 5}


def _ifd(entries: list[tuple[int, str, int, bytes]], start: int) -> bytes:
    """An IFD at offset `start` of the TIFF data; values longer than 4 bytes follow the table."""
    table_size = 2 + 12 * len(entries) + 4
    data_offset = start + table_size
    table, extra = struct.pack(">H", len(entries)), b""
    for tag, kind, count, value in entries:
        if len(value) <= 4:
            table += struct.pack(">HHI", tag, _TIFF_TYPES[kind], count) + value.ljust(4, b"\0")
        else:
            table += struct.pack(">HHII", tag, _TIFF_TYPES[kind], count, data_offset + len(extra))
            extra += value
    return table + struct.pack(">I", 0) + extra


def _rationals(*pairs: tuple[int, int]) -> bytes:
    return b"".join(struct.pack(">II", n, d) for n, d in pairs)


def exif(gps: bool) -> bytes:
    """TIFF-structured EXIF data (big-endian): a camera make, and a GPS position when asked."""
    make = b"Phone\0"
    if not gps:
        return b"MM\0*" + struct.pack(">I", 8) + _ifd([(0x010F, "ASCII", len(make), make)], 8)
    ifd0_size = 2 + 12 * 2 + 4 + len(make)
    gps_ifd = _ifd([
        (0x0001, "ASCII", 2, b"N\0"),
        (0x0002, "RATIONAL", 3, _rationals((29, 1), (28, 1), (1234, 100))),
        (0x0003, "ASCII", 2, b"E\0"),
        (0x0004, "RATIONAL", 3, _rationals((113, 1), (17, 1), (4321, 100))),
    ], 8 + ifd0_size)
    ifd0 = _ifd([(0x010F, "ASCII", len(make), make), (0x8825, "LONG", 1, struct.pack(">I", 8 + ifd0_size))], 8)
    return b"MM\0*" + struct.pack(">I", 8) + ifd0 + gps_ifd


def jpeg(gps: bool) -> bytes:
    """A JPEG file with an APP1 EXIF segment (the image data itself is left out)."""
    body = b"Exif\0\0" + exif(gps)
    return b"\xff\xd8" + b"\xff\xe1" + struct.pack(">H", len(body) + 2) + body + b"\xff\xd9"


def png(gps: bool) -> bytes:
    """A 1×1 PNG with an eXIf chunk."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
    pixels = chunk(b"IDAT", zlib.compress(b"\0\0"))
    return b"\x89PNG\r\n\x1a\n" + header + chunk(b"eXIf", exif(gps)) + pixels + chunk(b"IEND", b"")


def jpeg_with_xmp_gps() -> bytes:
    """A JPEG whose position is in an XMP packet instead of EXIF."""
    xmp = (b'http://ns.adobe.com/xap/1.0/\0<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description '
           b'xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="29,28.2N" exif:GPSLongitude="113,17.7E"/>'
           b"</rdf:RDF></x:xmpmeta>")
    return b"\xff\xd8" + b"\xff\xe1" + struct.pack(">H", len(xmp) + 2) + xmp + b"\xff\xd9"
