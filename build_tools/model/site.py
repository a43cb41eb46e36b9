"""The site's own facts from data/site.yaml and mkdocs.yml: where its records are edited, its public address."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SiteInfo:
    repo_url: str
    branch: str
    site_url: str = "/"  # the public address from mkdocs.yml (mkdocs_edge.site_url), ends in /
    uid_domain: str = "localhost"  # data/site.yaml: calendar UIDs, Atom ids; never changes

    def edit_url(self, file: str) -> str:
        return f"{self.repo_url}/edit/{self.branch}/{file}"

    def url(self, path: str) -> str:
        """The absolute address of a site path such as "activities/x/"."""
        return self.site_url + path
