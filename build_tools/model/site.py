"""The site's own facts from data/site.yaml and mkdocs.yml: where its records are edited, its public address."""

from __future__ import annotations

from dataclasses import dataclass, field

from .forge import Forge


@dataclass(frozen=True)
class SiteInfo:
    repo_url: str
    branch: str
    site_url: str = "/"  # the public address from mkdocs.yml (mkdocs_edge.site_url), ends in /
    uid_domain: str = "localhost"  # data/site.yaml: calendar UIDs, Atom ids; never changes
    forge_kind: str = "github"  # data/site.yaml `forge`: how links into the repository are written
    operator: dict = field(default_factory=dict)  # data/site.yaml: who runs the site (footer), checked
    filing: dict = field(default_factory=dict)  # data/site.yaml: ICP and public-security numbers (footer)

    @property
    def forge(self) -> Forge:
        return Forge(self.forge_kind, self.repo_url, self.branch)

    def edit_url(self, file: str) -> str:
        return self.forge.edit_url(file)

    def record_url(self, file: str) -> str:
        """Where the record can be read in the repository (no account needed): the forge's file
        view (GitHub and GitLab redirect their tree view of a file to it)."""
        return self.forge.folder_url(file)

    def url(self, path: str) -> str:
        """The absolute address of a site path such as "activities/x/"."""
        return self.site_url + path
