"""Addresses on the forge that keeps the data (data/site.yaml `forge`, `repo_url`, `branch`).

Each kind writes its web editor's addresses differently; every link to the repository (edit this
record, the web form's new file, the schools' guide) is made here, so one table serves them all.
Formats: GitHub and Gitee `/edit/<branch>/<file>`, `/new/<branch>/<folder>`; Gitea and Forgejo
`/_edit/…`, `/_new/…`, `/src/branch/…`; GitLab `/-/edit/…`, `/-/new/…`, `/-/tree/…`. A new file is
prefilled with `filename`/`value` on GitHub, Gitea and Forgejo (Gitea PR #16556), `file_name`/
`content` on GitLab (its newest editor may ignore `content`: the form's copy button covers that);
Gitee documents no prefill, so only the folder opens there.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlencode

#: kind → (edit prefix, new-file prefix, folder prefix, pull requests, name and content parameters)
FORMATS = {
    "github": ("edit", "new", "tree", "pulls", ("filename", "value")),
    "gitee": ("edit", "new", "tree", "pulls", None),
    "gitea": ("_edit", "_new", "src/branch", "pulls", ("filename", "value")),
    "forgejo": ("_edit", "_new", "src/branch", "pulls", ("filename", "value")),
    "gitlab": ("-/edit", "-/new", "-/tree", "-/merge_requests", ("file_name", "content")),
}
NAMES = {"github": "GitHub", "gitee": "Gitee", "gitea": "Gitea", "forgejo": "Forgejo", "gitlab": "GitLab"}
REQUEST = {"gitlab": "合并请求（merge request）"}  # what the forge calls a pull request, in the guide


@dataclass(frozen=True)
class Forge:
    kind: str  # a key of FORMATS (the schema allows no other)
    repo_url: str  # https://…, without a trailing slash
    branch: str

    @property
    def name(self) -> str:
        return NAMES[self.kind]

    @property
    def request(self) -> str:
        """What this forge calls a pull request, in Chinese."""
        return REQUEST.get(self.kind, "合并请求（pull request）")

    def _at(self, part: int, path: str = "") -> str:
        tail = f"/{quote(path)}" if path else ""
        return f"{self.repo_url}/{FORMATS[self.kind][part]}/{quote(self.branch)}{tail}"

    def edit_url(self, file: str) -> str:
        """The web editor for a file of the repository."""
        return self._at(0, file)

    def folder_url(self, folder: str) -> str:
        """A folder of the repository as the forge shows it."""
        return self._at(2, folder)

    def pulls_url(self) -> str:
        """The list of pull (merge) requests."""
        return f"{self.repo_url}/{FORMATS[self.kind][3]}"

    def new_file_base(self) -> str:
        """The new-file address without its folder: the web form adds /<folder> and the query."""
        return self._at(1)

    @property
    def prefill(self) -> tuple[str, str] | None:
        """The query parameters for a new file's name and content, None where there are none."""
        return FORMATS[self.kind][4]

    def new_file_url(self, folder: str, name: str = "", value: str = "") -> str:
        """The new-file address of a folder, prefilled with name (and value) where the forge can."""
        url = self._at(1, folder)
        if self.prefill is None:
            return url
        query = [(self.prefill[0], name)] + ([(self.prefill[1], value)] if value else [])
        return url + "?" + urlencode(query, quote_via=quote)
