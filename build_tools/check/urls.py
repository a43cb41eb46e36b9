"""What a link in the data may be: https to a named host, nothing that makes a browser go
somewhere other than where the link seems to point.

One rule set for every link the data publishes: sign-up URLs, policy links and the links in
descriptions. A browser reads a URL differently from how a person reads it (the WHATWG URL
standard): `https://good.example@evil.example/` opens evil.example (the part before @ is a
user name), a backslash counts as a slash (`https://evil.example\\@good.example`), tabs and
line breaks are dropped, and a host in look-alike letters (Cyrillic а for a) or its punycode
(xn--) is another site that looks the same. So:

- the scheme is https (consistency/url-scheme, or markdown/link-scheme in a description);
- no user info, i.e. no @ before the host (consistency/url-userinfo);
- the host is an ASCII domain name of letters, digits and hyphens, with a top-level domain of
  letters: no look-alike or other non-ASCII letters, no xn-- labels, no IP address (numeric or
  bracketed), no % escapes, no single-label host such as localhost (consistency/url-host);
- no spaces, control characters or backslashes anywhere, no port, a host at all
  (consistency/url-form). A port is refused because public sign-up forms use the default one;
  a port is the mark of a test or internal server.
Paths, queries and fragments may hold any other character (Chinese in a path is fine).
"""

from __future__ import annotations

import re

_SCHEME = re.compile(r"https://", re.IGNORECASE)
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_HOST = re.compile(rf"(?=[^/]{{1,253}}$)(?:{_LABEL}\.)+[A-Za-z]{{2,63}}\.?")
_IPV4_LIKE = re.compile(r"[0-9.]+|0x[0-9a-f.x]+", re.IGNORECASE)  # 10.0.0.1, 2130706433, 0x7f.1


def problem(url: str, scheme_code: str = "consistency/url-scheme") -> tuple[str, dict[str, str]] | None:
    """(rule code, params) for the first rule a link breaks, or None when it is a plain https link.

    `scheme_code` is the rule for a link that is not https (markdown/link-scheme in a
    description). Params hold `problem`, a short Chinese reason, where the rule has one.
    """
    if any(c.isspace() or ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in url):
        return "consistency/url-form", {"problem": "网址里有空格、换行或看不见的控制字符"}
    if "\\" in url:
        return "consistency/url-form", {"problem": "网址里有反斜杠 \\，浏览器会把它当作 /"}
    if not _SCHEME.match(url):
        return scheme_code, {}
    authority = re.split(r"[/?#]", url[len("https://") :], maxsplit=1)[0]
    if "@" in authority:
        return "consistency/url-userinfo", {}
    if authority.startswith("["):
        return "consistency/url-host", {"problem": "是 IP 地址"}
    host, colon, port = authority.partition(":")
    if not host:
        return "consistency/url-form", {"problem": "https:// 后面缺少域名"}
    if colon:
        return "consistency/url-form", {"problem": "带有端口号"}
    return _host_problem(host)


def _host_problem(host: str) -> tuple[str, dict[str, str]] | None:
    if not host.isascii():
        return "consistency/url-host", {"problem": "域名里有中文或其他非英文字母，可能是冒充的相似字母"}
    if any(label.lower().startswith("xn--") for label in host.split(".")):
        return "consistency/url-host", {"problem": "域名是 xn-- 开头的编码，解码后是另一种文字，可能是冒充的相似字母"}
    if _IPV4_LIKE.fullmatch(host.rstrip(".")):
        return "consistency/url-host", {"problem": "是 IP 地址"}
    if "%" in host:
        return "consistency/url-host", {"problem": "域名里有 % 编码"}
    if not _HOST.fullmatch(host):
        return "consistency/url-host", {"problem": "不是“名称.后缀”形式的域名（只能用英文字母、数字、连字符和点）"}
    return None
