"""Faces in a picture, found offline with OpenCV's Haar cascades (shipped inside opencv-python-headless).

The second guard behind the image statements: a picture with a face and no statement blocks.
The cascades (frontal and profile faces, Viola–Jones) run on the picture scaled to at most
MAX_SIDE pixels, in grey; nothing leaves the machine. They miss faces (small, turned, covered)
and see some where there are none; the statement a person writes is the first guard.
"""

from __future__ import annotations

from functools import lru_cache

MAX_SIDE = 1000  # pixels: enough for a face a tenth of the picture wide, fast on a school's PC
CASCADES = ("haarcascade_frontalface_default.xml", "haarcascade_profileface.xml")


@lru_cache(maxsize=1)
def _cascades():
    import cv2

    found = [cv2.CascadeClassifier(cv2.data.haarcascades + name) for name in CASCADES]
    if any(c.empty() for c in found):
        raise RuntimeError("OpenCV 的人脸模型文件缺失")
    return found


def has_face(data: bytes) -> bool:
    """True when a face is found; False when none is, or the picture cannot be decoded (GIF, HEIC, SVG)."""
    import cv2
    import numpy as np

    picture = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_GRAYSCALE) if data else None
    if picture is None:
        return False
    scale = MAX_SIDE / max(picture.shape)
    if scale < 1:
        picture = cv2.resize(picture, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    picture = cv2.equalizeHist(picture)
    side = max(24, min(picture.shape) // 20)
    return any(len(c.detectMultiScale(picture, scaleFactor=1.1, minNeighbors=5, minSize=(side, side))) for c in _cascades())
