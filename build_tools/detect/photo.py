"""Text that says a photo of a child is attached (照片见附件 next to a child, not 请勿上传孩子的照片).

A "near" rule: a match counts only when its sentence, within NEAR characters either side, also
matches PHOTO_NEAR and not PHOTO_UNLESS. The web form runs the same patterns
(privacy/textrules.rule_data), so they keep to the regex subset Python and ECMAScript read alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .hits import Hit

PHOTO_CODE = "privacy/photo-of-child"
_PHOTO = "(?:照片|相片|合影|合照|生活照|证件照|免冠照|大头照|头像|近照|全家福|视频|录像)"
_ATTACHED = "(?:见附件|附后|附件|另附|已附|附上|随附|已发|发群|发至|发到|见下图|如下图|见图)"
_CLAUSE = "[^。！？!?\n]"
PHOTO = rf"(?=[照相合生证免大头近全视录附另随])(?:{_PHOTO}{_CLAUSE}{{0,10}}?{_ATTACHED}|(?:附件|另附|附上|随附|附[：:])[：:]?{_CLAUSE}{{0,10}}?{_PHOTO})"
# A child in the same sentence: the contexts of names.py, or a word for children.
PHOTO_NEAR = (r"学生|儿童|孩子|同学|小朋友|营员|学员|幼儿|该生|受助|帮扶|结对|[0-9一二三四五六七八九十]{1,2}岁|年级"
              r"|[0-9一二三四五六七八九十]{1,2}班|[男女]孩|[男女]生|宝宝")
PHOTO_UNLESS = "不得|不要|请勿|禁止|严禁|不能|切勿|不可|避免|不宜|无需|不需要|不用|不再|谢绝|拒绝|不接受|不收"
SENTENCE_END = "。！？!?\n"
NEAR = 40  # characters either side of the match: "near" means in the same sentence and within this

_PHOTO_RE = re.compile(PHOTO)
_PHOTO_NEAR_RE = re.compile(PHOTO_NEAR)
_PHOTO_UNLESS_RE = re.compile(PHOTO_UNLESS)


def find_photo_text(text: str) -> Iterator[Hit]:
    """Text that says a photo of a child is attached (a "near" rule)."""
    for m in _PHOTO_RE.finditer(text):
        sentence = _sentence(text, m.start(), m.end())
        if _PHOTO_NEAR_RE.search(sentence) and not _PHOTO_UNLESS_RE.search(sentence):
            yield Hit(m.start(), m.end(), PHOTO_CODE)


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around text[start:end] (between two of SENTENCE_END, at most NEAR characters either
    side), as a slice: lookarounds stay inside."""
    begin = max(max(text.rfind(c, 0, start) for c in SENTENCE_END) + 1, start - NEAR)
    ends = [i for i in (text.find(c, end) for c in SENTENCE_END) if i >= 0]
    return text[begin : min(min(ends) if ends else len(text), end + NEAR)]
