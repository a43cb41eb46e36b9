"""The data diff (datadiff.Summary) as Markdown: readable in a terminal and in a GitHub job summary."""

from __future__ import annotations

from .datadiff import Change, Summary


def _changes(title: str, items: list[Change], note: str = "") -> list[str]:
    if not items:
        return []
    lines = [f"### {title}（{len(items)}）", ""]
    if note:
        lines += [note, ""]
    for c in items:
        lines.append(f"- **{c.title}**（{c.when}）— {c.file}")
        lines += [f"    - {f}" for f in c.fields]
    return lines + [""]


def _files(title: str, items: list[str], note: str = "") -> list[str]:
    if not items:
        return []
    return [f"### {title}（{len(items)}）", "", *([note, ""] if note else []), *(f"- {i}" for i in items), ""]


def format_summary(s: Summary, base: str) -> str:
    lines = [f"## 这次提交对网站数据的改动（与 {base} 相比）", ""]
    lines += _changes("新增的活动", s.added)
    lines += _changes("修改的活动", s.changed)
    lines += _changes("取消的活动", s.cancelled, "网站上会显示“取消”，页面保留。")
    lines += _changes("删除的活动", s.removed,
                      "⚠ 已经发布的活动请不要删除文件：志愿者可能已经收藏或订阅了它。请恢复文件，把 status 改成 \"cancelled\"。")
    lines += _files("统计表", s.statistics)
    lines += _files("隐私例外和图片登记", s.privacy,
                    "⚠ 每一项都会让隐私检查放行一处内容或一张图片。请逐项核对：reviewer 是批准这次合并请求的人，"
                    "放行的原文看过，reason 说得通。")
    lines += _files("其他数据文件", s.other, "可选值表、字段定义等由管理员审核。")
    lines += _files("无法比较的文件", s.unreadable, "这些文件有格式错误，请先看检查结果。")
    if s.reformatted:
        lines += [f"另有 {len(s.reformatted)} 个活动文件只调整了格式，内容不变。", ""]
    if len(lines) == 2:
        lines.append("这次提交没有改动网站上的数据。")
    return "\n".join(lines).rstrip() + "\n"
