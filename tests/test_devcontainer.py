"""A volunteer without Python gets a ready editor: the dev container, and the docs that say so."""

from __future__ import annotations

import json
import re

from sitebuild import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_dev_container_installs_as_the_readme_does_and_forwards_the_preview():
    config = json.loads((ROOT / ".devcontainer" / "devcontainer.json").read_text(encoding="utf-8"))
    assert re.fullmatch(r"python:3\.11(-\w+)?", config["image"])
    install = re.search(r"^(python3 -m venv \.venv && .+?) && \.venv/bin/invoke", README, re.M)
    assert config["postCreateCommand"].startswith(install[1])
    assert "redhat.vscode-yaml" in config["customizations"]["vscode"]["extensions"]
    assert 8000 in config["forwardPorts"]


def test_the_readme_says_which_pythons_work_and_when_sudo_is_needed():
    assert "Python 3.11, 3.12 or 3.13" in README
    assert "`sudo` is needed for `apt-get` unless you are root" in README


def test_the_guide_has_the_browser_and_github_pages_pages_linked():
    guide = ROOT / "docs" / "editing"
    index = (guide / "README.md").read_text(encoding="utf-8")
    pages = (guide / "github-pages.md").read_text(encoding="utf-8")
    for page in ("github-in-the-browser.md", "github-pages.md"):
        assert f"]({page})" in index
    assert "Source: GitHub Actions" in pages
    assert "site_url" in pages and "CNAME" in pages
    assert "Codespaces" in (guide / "github-in-the-browser.md").read_text(encoding="utf-8")
