"""`fmt [PATH…] [--check]`: rewrite activity records in canonical form; --check shows the diff."""

from __future__ import annotations

from pathlib import Path


def register(sub) -> None:
    p = sub.add_parser("fmt", help="把活动记录整理成规范格式（字段顺序、引号、日期写法）；--check 只显示差异")
    p.add_argument("paths", nargs="*", type=Path, help="要整理的文件或文件夹（默认：data/activities 下的全部记录）")
    p.add_argument("--check", action="store_true", help="不改文件，只显示会改动的地方；有改动时退出码为 1")
    p.set_defaults(run=run)


def run(args) -> int:
    from ..schools import fmt
    from ..validate import activity_files, expand

    files = [f for f in (expand(args.paths) if args.paths else activity_files()) if f.suffix in (".yaml", ".yml")]
    return fmt.run(files, args.check)
