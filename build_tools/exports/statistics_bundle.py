"""The download bundle: a zip with the public tables, datapackage.json and a README.

Made from data/datapackage.yaml (see its header). Same data, same bytes: entries sorted,
fixed timestamps and permissions, one compression level, no clock anywhere.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from ..check.schema_shape import plain as _plain
from ..model.statistics import number_text
from ..report.problems import Report
from ..stats.package import PACKAGE, check_package
from ..stats.publish import FIELDS
from ..stats.spreadsheet import csv_text, safe_copy

if TYPE_CHECKING:
    from ..model.statistics import StatsView

BUNDLE_NAME = "liushou-statistics.zip"
EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip can hold: no build date leaks into the bytes


def write_bundle(view: StatsView, path: Path) -> int:
    """Write the zip; returns its size in bytes."""
    files = bundle_files(view)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=EPOCH)
            info.compress_type, info.create_system, info.external_attr = zipfile.ZIP_DEFLATED, 3, 0o644 << 16
            zf.writestr(info, files[name], compresslevel=9)
    path.write_bytes(buf.getvalue())
    return len(buf.getvalue())


def bundle_files(view: StatsView) -> dict[str, bytes]:
    """Every file of the bundle by its name inside the zip."""
    root = view.root
    package = check_package(root, Report())  # validation reported its problems; a path it refused is never copied
    if package is None:
        raise ValueError(f"{PACKAGE} 没有通过检查（见 stats/package-resource），不能生成下载包")
    files: dict[str, bytes] = {}
    resources = []
    for resource in package["resources"]:
        if resource.get("x-from") == "data/statistics":
            files[resource["path"]] = statistics_csv(view).encode("utf-8")
        elif resource["path"].endswith(".csv"):  # the lists: a pull request can change them too
            files[resource["path"]] = safe_copy((root / "data" / resource["path"]).read_text(encoding="utf-8-sig")).encode("utf-8")
        else:
            files[resource["path"]] = (root / "data" / resource["path"]).read_bytes()
        resources.append(_resource(resource, root))
    descriptor = {k: v for k, v in package.items() if not k.startswith("x-")} | {"resources": resources}
    files["datapackage.json"] = (json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    files["README.md"] = readme(view, package).encode("utf-8")
    return files


def _resource(resource: dict, root: Path) -> dict:
    """The resource as datapackage.json has it: schema inline, our extensions left out."""
    out = {k: v for k, v in resource.items() if not k.startswith("x-")}
    out |= {"profile": "tabular-data-resource", "format": "csv", "encoding": "utf-8"}
    schema = resource["schema"]
    if isinstance(schema, str):
        raw = yaml.safe_load((root / "data" / schema).read_text(encoding="utf-8"))
        schema = {k: v for k, v in raw.items() if not k.startswith("x-")} | {"fields": [_plain(f) for f in raw["fields"]]}
    if "x-foreignKeys" in resource:
        schema = schema | {"foreignKeys": resource["x-foreignKeys"]}
    return out | {"schema": schema}


def statistics_csv(view: StatsView) -> str:
    """Every published row of every table, in one long table (the order of the files); cells
    that a spreadsheet would run as a formula are neutralised (spreadsheet.py)."""
    rows = [[c.period, c.region, c.level, c.indicator, number_text(c.value), c.flag, c.source, c.note] for c in view.stats.cells]
    return csv_text([FIELDS, *rows])


def readme(view: StatsView, package: dict) -> str:
    """README.md of the bundle: plain text (no template: nothing here is HTML)."""
    k, periods, updated = view.stats.contract.k, view.periods, view.updated()
    sources = "\n".join(f"- {s}" for s in view.sources())
    span = f"{periods[0]} 至 {periods[-1]}" if periods else "（暂无）"
    return README.format(title=package["title"], description=package["description"], span=span, k=k, below=k - 1,
                         sources=sources, updated=updated.isoformat() if updated else "未登记",
                         latest=periods[-1] if periods else "", homepage=package.get("homepage", ""))


README = """# {title}

{description}

- 统计期：{span}（年度和季度分开统计；季度的家访、测评等是本季度内的人数，不能和年度数直接比较）
- 数据更新：{updated}
- 许可：CC BY 4.0（署名 4.0 国际）https://creativecommons.org/licenses/by/4.0/ ——可以自由使用、转载和改编，请注明来源。

## 文件

- `statistics.csv`：全部汇总数，每行一个数（period 统计期、region 地区代码、level 学段、indicator 指标、value 数值、flag 标记、source 来源、note 备注）
- `lists/indicators.csv`、`lists/levels.csv`、`lists/regions.csv`、`lists/townships.csv`：指标、学段、县区和乡镇代码
- `datapackage.json`：Frictionless 数据包描述（字段类型和约束）。检查命令：`frictionless validate datapackage.json`

用 Excel 打开：选择“数据 → 从文本/CSV”，文件原始格式选 UTF-8。

## 来源

{sources}

## 使用须知

- **示例数据**：当前数据是为演示虚构的，不代表任何地方的真实情况，请勿引用为事实。
- **隐藏**（value 为空，flag 为 suppressed）：人数在 1 到 {below} 之间或为非结构性的 0；或者为了不让别人用合计推算出这样的数而一并隐藏。两种情况有意不加区分。
- **取整**（flag 为 rounded）：涉及敏感情况的人数四舍五入到 5 的倍数，所以各部分相加不一定等于合计。
- **百分比**：只在分子和分母都公布且都不少于 {k} 人时公布；≤5% 和 ≥95% 的百分比不公布（分子和分母就在表里，模糊处理挡不住）。分母减分子在 1 到 {below} 之间时，分子也隐藏。
- **单引号开头的格子**：以 =、+、-、@ 开头的文字前面加了一个单引号 '，防止电子表格把它当作公式执行（OWASP 的 CSV 注入防护做法）；读取时去掉这个单引号即得原文。
- **structural-zero**：这里本来就不可能有人（例如乡里没有初中），原因写在 note 一列。
- 地区最细到乡镇（街道）；困境儿童细分类只到县区；从不按学校或个人发布。

## 怎样引用

关爱留守儿童志愿活动门户：《{title}》，统计期 {span}，{updated} 更新。许可 CC BY 4.0。{homepage}

English: Care portal for rural left-behind children, "{title}" (aggregate statistics, {span}; sample data,
fictional), licensed CC BY 4.0. Cells below {k} are suppressed, sensitive counts rounded to 5.
"""
