"""Build one synthetic site once, in its own process, so the parent can read its peak memory.

``python benchmarks/build_once.py ours|plain CONTENT OUTPUT CACHE [--warm] [--search-index]
[--profile FILE]``

- ``ours``: the project's ``pelicanconf.py`` (our theme and plugins), as ``invoke build``,
  without the Pagefind search index unless ``--search-index`` (the harness times that
  post-build step on its own).
- ``plain``: Pelican's defaults: its default theme, no plugin at all, the same Markdown
  (news and pages; it skips the guide, charters, events and questionnaires, which only
  our plugins read).
- ``plain-lean``: ``plain`` without ``DISPLAY_PAGES_ON_MENU`` (every page listed in every
  page's menu: work that grows with N², which ours does not do).
- ``--warm``: Pelican's content cache on (``CACHE_CONTENT`` and ``LOAD_CONTENT_CACHE``),
  as ``invoke livereload`` builds.
- ``--profile FILE``: run under cProfile and save the statistics to FILE.
"""

from __future__ import annotations

import argparse
import cProfile
import logging
import os
from pathlib import Path
import sys

ROOT = Path(__file__).resolve().parent.parent


#: Folders of a generated site that only our plugins read: plain Pelican skips them.
PLUGIN_FOLDERS = ["guide", "charters", "events", "questionnaires", "extra"]


def settings_for(
    site: str, content: Path, output: Path, cache: Path, warm: bool, search_index: bool = False
) -> dict:
    """Return the Pelican settings of one benchmark build."""
    from pelican.settings import read_settings

    common = {
        "PATH": str(content),
        "OUTPUT_PATH": str(output),
        "CACHE_PATH": str(cache),
        "CACHE_CONTENT": warm,
        "LOAD_CONTENT_CACHE": warm,
    }
    if site in ("plain", "plain-lean"):
        # The sample site's four pages name our templates: plain Pelican skips them
        # and builds only the generated Markdown (N documents against N + 4).
        sample_pages = [p.name for p in (ROOT / "content" / "pages").glob("*.md")]
        return read_settings(
            None,
            override={
                **common,
                "PLUGINS": [],
                "TIMEZONE": "UTC",
                "IGNORE_FILES": sample_pages,
                "ARTICLE_EXCLUDES": PLUGIN_FOLDERS,
                # plain-lean: without every page in every page's menu (N² work), as ours
                **({"DISPLAY_PAGES_ON_MENU": False} if site == "plain-lean" else {}),
            },
        )
    return read_settings(
        str(ROOT / "pelicanconf.py"),
        override={
            **common,
            "THEME": str(ROOT / "theme"),
            "PLUGIN_PATHS": [str(ROOT / "plugins")],
            "SEARCH_INDEX": search_index,
        },
    )


def build(
    site: str, content: Path, output: Path, cache: Path, warm: bool, search_index: bool
) -> None:
    """Run one Pelican build."""
    from pelican import Pelican

    Pelican(settings_for(site, content, output, cache, warm, search_index)).run()


def main() -> None:
    """Parse the command line and build once."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", choices=["ours", "plain", "plain-lean"])
    parser.add_argument("content", type=Path)
    parser.add_argument("output", type=Path)
    parser.add_argument("cache", type=Path)
    parser.add_argument("--warm", action="store_true")
    parser.add_argument("--search-index", action="store_true")
    parser.add_argument("--profile", type=Path)
    args = parser.parse_args()
    logging.basicConfig(level=logging.ERROR)  # Pelican's info lines would swamp the table
    os.chdir(ROOT)
    sys.path.insert(0, str(ROOT))
    run = (args.site, args.content, args.output, args.cache, args.warm, args.search_index)
    if args.profile:
        profiler = cProfile.Profile()
        profiler.runcall(build, *run)
        profiler.dump_stats(args.profile)
    else:
        build(*run)


if __name__ == "__main__":
    main()
