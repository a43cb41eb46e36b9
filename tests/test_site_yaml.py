"""data/site.yaml: checked by its schema (Chinese messages with line), links per forge kind."""

import pytest

from build_tools import ROOT
from build_tools.model.forge import Forge
from build_tools.validate import validate_directory

GOOD = """\
operator:
  name: 岳阳市云溪区教育体育局
  email: wangzhan@example.gov.cn
  phone: 0730-8123456
filing:
  icp: 湘ICP备2026012345号-1
  police: 湘公网安备43060302000123号
forge: gitea
repo_url: https://git.example.gov.cn/jiaoyu/portal
branch: main
uid_domain: liushou-care.github.io
"""


def problems(tmp_path, text):
    path = tmp_path / "data/site.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    report, checked = validate_directory("site", [path], ROOT)
    return sorted((p.code, p.line, p.field) for p in report.problems), report


def test_a_complete_site_file_passes(tmp_path):
    assert problems(tmp_path, GOOD)[0] == []


def test_the_repository_site_file_passes(tmp_path):
    assert problems(tmp_path, (ROOT / "data/site.yaml").read_text(encoding="utf-8"))[0] == []


@pytest.mark.parametrize("old, new, expected", [
    ("湘ICP备2026012345号-1", "ICP 2026012345", ("schema/pattern", 6, "filing.icp")),
    ("湘公网安备43060302000123号", "<script>alert(1)</script>", ("schema/pattern", 7, "filing.police")),
    ("forge: gitea", "forge: bitbucket", ("schema/enum", 8, "forge")),
    ("https://git.example.gov.cn/jiaoyu/portal", "javascript:alert(1)//x/y", ("schema/pattern", 9, "repo_url")),
    ("  email: wangzhan@example.gov.cn\n", "", ("schema/required", 1, "operator.email")),
    ("uid_domain: liushou-care.github.io", "uid_domain: liushou-care.github.io\nbeian: x", ("schema/unknown-field", 12, "beian")),
])
def test_bad_values_are_reported_with_line_and_field(tmp_path, old, new, expected):
    found, report = problems(tmp_path, GOOD.replace(old, new))
    assert expected in found, found
    assert all(p.message and "Traceback" not in p.message for p in report.problems)


def test_a_missing_site_file_stops_the_build(repo_copy):
    from build_tools.validate import validate_all

    (repo_copy / "data/site.yaml").unlink()
    report, _ = validate_all(repo_copy)
    assert [(p.code, p.file) for p in report.errors] == [("file/unreadable", "data/site.yaml")]


LINKS = {  # kind → (edit this record, the folder, a new file prefilled)
    "github": ("https://h.cn/o/p/edit/main/data/a.yaml", "https://h.cn/o/p/tree/main/data",
               "https://h.cn/o/p/new/main/data?filename=a.yaml"),
    "gitee": ("https://h.cn/o/p/edit/main/data/a.yaml", "https://h.cn/o/p/tree/main/data", "https://h.cn/o/p/new/main/data"),
    "gitea": ("https://h.cn/o/p/_edit/main/data/a.yaml", "https://h.cn/o/p/src/branch/main/data",
              "https://h.cn/o/p/_new/main/data?filename=a.yaml"),
    "forgejo": ("https://h.cn/o/p/_edit/main/data/a.yaml", "https://h.cn/o/p/src/branch/main/data",
                "https://h.cn/o/p/_new/main/data?filename=a.yaml"),
    "gitlab": ("https://h.cn/o/p/-/edit/main/data/a.yaml", "https://h.cn/o/p/-/tree/main/data",
               "https://h.cn/o/p/-/new/main/data?file_name=a.yaml"),
}


@pytest.mark.parametrize("kind", sorted(LINKS))
def test_links_follow_each_forges_url_format(kind):
    forge = Forge(kind, "https://h.cn/o/p", "main")
    assert (forge.edit_url("data/a.yaml"), forge.folder_url("data"), forge.new_file_url("data", "a.yaml")) == LINKS[kind]


def test_a_prefilled_value_is_encoded():
    url = Forge("gitea", "https://h.cn/o/p", "main").new_file_url("data/activities/2026", "x.yaml", 'title: "讲座 & #1"\n')
    assert url == ("https://h.cn/o/p/_new/main/data/activities/2026?filename=x.yaml"
                   "&value=title%3A%20%22%E8%AE%B2%E5%BA%A7%20%26%20%231%22%0A")


@pytest.mark.parametrize("kind, folder, new, pulls", [
    ("gitea", "/src/branch/main/data/activities/2026", "/_new/main/data/activities/2026?filename=2026-MM-DD-yingwen-duanming.yaml", "/pulls"),
    ("gitlab", "/-/tree/main/data/activities/2026", "/-/new/main/data/activities/2026?file_name=2026-MM-DD-yingwen-duanming.yaml",
     "/-/merge_requests"),
    ("github", "/tree/main/data/activities/2026", "/new/main/data/activities/2026?filename=2026-MM-DD-yingwen-duanming.yaml", "/pulls"),
])
def test_the_guides_repository_page_uses_the_forges_links(tmp_path, kind, folder, new, pulls):
    import datetime as dt
    from types import SimpleNamespace

    from selectolax.lexbor import LexborHTMLParser

    from build_tools.model.site import SiteInfo
    from build_tools.pages.forge_page import PAGE, write_forge_page

    repo = "https://git.example.gov.cn/jiaoyu/portal"
    ctx = SimpleNamespace(site=SiteInfo(repo, "main", forge_kind=kind), today=dt.date(2026, 11, 22), docs=tmp_path)
    write_forge_page(ctx)
    page = (tmp_path / PAGE).read_text(encoding="utf-8")
    links = [a.attributes["href"] for a in LexborHTMLParser(page).css("a")]
    assert [repo + folder, repo + new, repo + pulls] == [u for u in links if u != repo]
    assert {"gitea": "Gitea", "gitlab": "GitLab", "github": "GitHub"}[kind] in page
