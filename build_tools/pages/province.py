"""The provincial index: one page built from each city portal's activities.json (issue 18).

A province past what one build holds (README "一个省的规模") runs one portal per city; the
province's page reads each city's activities.json at build time (a file, or its address on
the city's site), checks it against the published JSON Schema of its version
(exports/schemas/activities-<version>.schema.json) and lists every city with its counts and
the activities still to come, soonest first, each linking to its city's page.
Nothing a city publishes is trusted more than data/: a file that does not match the schema is a
Chinese problem naming the city, and the page is not written.
"""

from __future__ import annotations

import datetime as dt
import json
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from ..exports.api import VERSION

SCHEMAS = Path(__file__).parent.parent / "exports/schemas"
MAX_BYTES = 512 * 2**20  # a city's activities.json at 100,000 activities is ~200 MB
UPCOMING_SHOWN = 500


@dataclass(frozen=True)
class City:
    name: str
    source: str
    data: dict

    def live(self) -> list[dict]:
        return [a for a in self.data["activities"] if not a["archived"]]


class CityFailed(Exception):
    """A city's file could not be read or does not match the schema; the message says so in Chinese."""


def schema(version: int = VERSION) -> dict:
    """The JSON Schema of activities.json of one version."""
    return json.loads((SCHEMAS / f"activities-{version}.schema.json").read_text(encoding="utf-8"))


def read_city(name: str, source: str) -> City:
    """One city's activities.json from a path or an http(s) address, checked against the schema."""
    import jsonschema

    try:
        if source.startswith(("https://", "http://")):
            with urllib.request.urlopen(source, timeout=60) as response:  # noqa: S310 (http(s) only, checked above)
                raw = response.read(MAX_BYTES + 1)
        else:
            raw = Path(source).read_bytes()
        if len(raw) > MAX_BYTES:
            raise CityFailed(f"{name}：{source} 超过 {MAX_BYTES // 2**20} MB，不像是一个城市的 activities.json。")
        data = json.loads(raw.decode("utf-8"))
    except (OSError, ValueError) as exc:
        raise CityFailed(f"{name}：无法读取 {source}（{type(exc).__name__}）。请确认地址或文件存在，是 UTF-8 的 JSON。") from None
    if not isinstance(data, dict) or data.get("version") != VERSION:
        got = data.get("version") if isinstance(data, dict) else None
        raise CityFailed(f"{name}：{source} 的接口版本是 {got!r}，省级索引读取第 {VERSION} 版。请让这个城市的门户更新到同一版本后再构建。")
    error = jsonschema.exceptions.best_match(jsonschema.Draft202012Validator(schema()).iter_errors(data))
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "（整个文件）"
        raise CityFailed(f"{name}：{source} 不符合 activities.json 第 {VERSION} 版的结构，位置 {where}（{error.validator}）。"
                         f"结构说明见 build_tools/exports/schemas/activities-{VERSION}.schema.json。")
    return City(name, source, data)


def page(cities: list[City], today: dt.date) -> str:
    """The provincial index page (Markdown, through the site's templates)."""
    from .render import environment

    rows = [(c, len(c.live()), sum(1 for a in c.live() if a["end"][:10] >= today.isoformat()),
             len(c.data["activities"]) - len(c.live())) for c in cities]
    upcoming = sorted(((a, c) for c in cities for a in c.live() if a["end"][:10] >= today.isoformat()),
                      key=lambda pair: (pair[0]["start"][:10], pair[1].name, pair[0]["id"]))
    return environment().get_template("province.md.j2").render(
        today=today, rows=rows, upcoming=upcoming[:UPCOMING_SHOWN], more=max(len(upcoming) - UPCOMING_SHOWN, 0))
