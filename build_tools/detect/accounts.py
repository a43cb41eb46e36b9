"""QQ numbers and WeChat ids written next to what names them (QQ：12345678, 微信号 zhang_san88).

A QQ number (5 to 11 digits, not beginning with 0) or a WeChat id (6 to 20 letters, digits,
_ or -, beginning with a letter; older ids are QQ or mobile numbers, and wxid_… is the id
WeChat makes) is a private channel to a person, a child or a parent: a volunteer must not add a
child (code of conduct), so the site never lists one. Only a value right after its label is
read: "QQ群" (a group), "微信公众号" (an organisation's account), "微信扫码" stay allowed.
Digits are read as the other number detectors read them (hits.fold: full-width, spelled out),
with spaces or hyphens between them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .hits import MARKS, SPACES, Hit

# Where a label may begin: found at C speed, then the whole pattern is tried there only (tried
# at every position of a page, it cost more than the three number detectors together).
_START = re.compile("[QqＱｑ扣企微薇威VvWw](?=[QqＱｑ扣鹅信XxEe])")  # a class first: the engine skips at C speed
_QQ_LABEL = r"(?:[Qq][Qq]|ＱＱ|ｑｑ|扣扣|企鹅号)"
_WX_LABEL = r"(?:[微薇威][信]|[Vv]信|(?:[Vv][Xx]|[Ww][Xx]|[Ww][Ee][Cc][Hh][Aa][Tt]|[Ww]ei[Xx]in)(?![A-Za-z]))"
_NAMED = rf"(?P<named>[{SPACES}]?(?:号码|账号|帳號|帐号|号|ID|id|Id)(?![A-Za-z]))?"
_SEP = rf"[{SPACES}:：=＝]{{0,3}}"
# A label explained in brackets before the id: VX（微信号）w7_ab12, wx(WeChat) zhang_san88.
_GLOSS = r"[（(](?:微信号?|微信账号|WeChat|wechat|weixin)[）)]"
_DIGITS = rf"[1-9](?:[{SPACES}{MARKS}]?[0-9]){{4,10}}(?![0-9])"
_WX_ID = r"wxid_[A-Za-z0-9]{6,}|[A-Za-z][-_A-Za-z0-9]{5,19}(?![-_A-Za-z0-9])"
_ACCOUNT = re.compile(
    rf"(?P<qq>{_QQ_LABEL}){_NAMED.replace('named', 'qq_named')}{_SEP}(?P<qq_number>{_DIGITS})"
    rf"|(?P<wx>{_WX_LABEL}){_NAMED}(?:{_SEP}(?P<wx_digits>{_DIGITS})|(?P<wx_sep>[{SPACES}:：=＝]{{1,3}}|{_GLOSS}[{SPACES}:：=＝]{{0,3}})(?P<wx_id>{_WX_ID}))"
    r"|(?P<wxid>wxid_[A-Za-z0-9]{6,})"
)
# Before an ASCII label: a letter or digit makes it part of a word, + / = part of base64 text.
_WORD_BEFORE = re.compile(r"[0-9A-Za-z+/=]")
#: A text without any of these names no account (a cheap test before the detector runs).
MAY_HOLD = _START
# Words that follow a WeChat label without being an id ("微信号：WeChat" is not one either).
_NOT_AN_ID = {"wechat", "weixin", "official", "account", "accounts", "search", "public", "service", "group", "groups",
              "scan", "miniprogram", "program", "pay", "https", "http", "number"}
# After a label and a space only (WeChat cannot print…), a word is an id only if it has a digit,
# _ or -, as nearly every WeChat id has; after 号, ID or a colon any id-shaped word is.
_ID_LIKE = re.compile(r"[0-9_-]")


def _declared(m: re.Match) -> bool:
    return m.group("wx_id").lower() not in _NOT_AN_ID and bool(m.group("named") or set(m.group("wx_sep")) & set(":：=＝）)"))


def find(text: str) -> Iterator[Hit]:
    """QQ numbers and WeChat ids next to their label."""
    pos = 0
    while (start := _START.search(text, pos)) is not None:
        m = _ACCOUNT.match(text, start.start())
        if m is None:
            pos = start.end()
            continue
        pos = m.end()
        label = next(g for g in ("qq", "wx", "wxid") if m.group(g))
        if m.start() and m.group(label).isascii() and _WORD_BEFORE.match(text, m.start() - 1):
            continue  # inside a word or an encoded blob (…psqqq…, sha512-…+qq12345…)
        if label == "qq":
            yield Hit(m.start("qq_number"), m.end("qq_number"), "privacy/qq-number")
        elif label == "wxid":
            yield Hit(m.start(), m.end(), "privacy/wechat-id")
        elif m.group("wx_digits"):
            yield Hit(m.start("wx_digits"), m.end("wx_digits"), "privacy/wechat-id")
        elif _declared(m) or _ID_LIKE.search(m.group("wx_id")):
            yield Hit(m.start("wx_id"), m.end("wx_id"), "privacy/wechat-id")
