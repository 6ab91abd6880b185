"""`invoke livereload` rebuilds on a save of any content file (YAML too) and uses the cache."""

from __future__ import annotations

import glob

from sitebuild import ROOT
import tasks  # the project's tasks.py (conftest puts it on the path)


def test_livereload_watches_yaml_markdown_theme_plugins_and_settings():
    watched = set()
    for pattern in tasks.LIVERELOAD_WATCH:
        watched.update(glob.glob(str(ROOT / pattern), recursive=True))
    for relative in (
        "content/chapter.yml",
        "content/pages/home.md",
        "theme/templates/base.html",
        "theme/static/css/site.css",
        "plugins/site_core/plugin.py",
        "pelicanconf.py",
    ):
        assert str(ROOT / relative) in watched, relative


def test_livereload_builds_with_the_content_cache():
    assert tasks.LIVERELOAD_SETTINGS == {
        "CACHE_CONTENT": True,
        "LOAD_CONTENT_CACHE": True,
        "CSP_META_TAG": False,
    }
