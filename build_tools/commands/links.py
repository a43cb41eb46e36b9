"""`links [--timeout S]`: check the sign-up and policy links (network); the build then reads the result."""

from __future__ import annotations


def register(sub) -> None:
    p = sub.add_parser("links", help="检查报名链接和政策链接能否打开（需要联网，结果供下一次构建使用）")
    p.add_argument("--timeout", type=float, default=10, help="每个链接最多等多少秒（默认 10）")
    p.set_defaults(run=run)


def run(args) -> int:
    from .. import ROOT
    from ..report.problems import format_report
    from ..schools.link_check import check_all, links_of, write_status
    from ..validate import validate_all

    report, dataset = validate_all(ROOT)
    if report.errors:
        print(format_report(report, "text"))
        print("数据有错误，没有检查链接。")
        return 1
    results = check_all(links_of(dataset), args.timeout)
    path = write_status(ROOT, results)
    bad = {u: r for u, r in results.items() if not r["ok"]}
    for url, r in sorted(bad.items()):
        print(f"打不开：{url}（{r['reason']}）")
    print(f"检查了 {len(results)} 个链接，{len(bad)} 个打不开；结果写入 {path.relative_to(ROOT)}，下一次构建会据此标记报名按钮。")
    return 0  # a bad host is a finding, never a failed deploy
