"""The schools' page of direct links into the repository (schools/repository/), in the forge's
own URL formats (model/forge.py): this year's activity folder, a new file there, the pull (merge)
requests, and what each button is called on that forge. The hand-written guide links to it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..engine import site_paths
from ..load.sources import ACTIVITY_DIR
from .render import environment

if TYPE_CHECKING:
    from ..model.context import Context

PAGE = "schools/repository.md"
#: kind → (where the new-file button is, the button that commits and opens the request)
BUTTONS = {
    "github": ("文件列表右上角的 **Add file → Create new file**", "**Commit changes… → Propose changes → Create pull request**"),
    "gitee": ("文件列表上方的 **新建文件**", "**提交** → 再点 **Pull Requests → 新建 Pull Request**"),
    "gitea": ("文件列表右上角的 **添加文件 → 新建文件**（Add File → New File）", "选 **为此提交创建一个新的分支并发起合并请求**，点 **提交变更**"),
    "forgejo": ("文件列表右上角的 **添加文件 → 新建文件**（Add file → New file）", "选 **为此提交创建一个新的分支并发起合并请求**，点 **提交变更**"),
    "gitlab": ("文件列表上方的 **+ → 新建文件**（New file）", "选 **创建新分支并发起合并请求**（Start a new merge request），点 **提交更改**（Commit changes）"),
}


def write_forge_page(ctx: Context) -> None:
    """schools/repository.md for the forge data/site.yaml names."""
    forge = ctx.site.forge
    folder = f"{ACTIVITY_DIR}/{ctx.today.year}"
    page = environment().get_template("repository.md.j2").render(
        forge=forge,
        year=ctx.today.year,
        folder=folder,
        folder_url=forge.folder_url(folder),
        new_url=forge.new_file_url(folder, f"{ctx.today.year}-MM-DD-yingwen-duanming.yaml"),
        pulls_url=forge.pulls_url(),
        new_button=BUTTONS[forge.kind][0],
        commit_button=BUTTONS[forge.kind][1],
        self_hosted=forge.kind in ("gitea", "forgejo", "gitlab"),
    )
    site_paths.write(ctx.docs, PAGE, page)
