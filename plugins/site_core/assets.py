"""Fingerprinted theme assets, so hosts can cache them forever.

Once per build (site_core's ``initialized``) every stylesheet and script of
the theme (``css/*.css``, ``js/*.js`` under its static folders) is hashed, and
the Jinja global ``asset("css/site.css")`` returns its fingerprinted path
(``theme/css/site.<hash>.css``, relative to the site root: templates write
``{{ SITEURL }}/{{ asset("css/site.css") }}``). Because the name changes
whenever the content does, hosts may cache these files forever.

When the pages are written, the fingerprinted copies are put beside the plain
files Pelican copied (the plain name keeps working, with short caching).
"""

from __future__ import annotations

import hashlib
from pathlib import Path
import shutil

#: Which theme files get a fingerprint, relative to a theme static folder.
ASSET_PATTERNS = ("css/*.css", "js/*.js")
#: Hex digits of the SHA-256 kept in the file name: 10 is plenty for a handful of files.
HASH_LENGTH = 10


class Assets:
    """The fingerprinted theme files of one build: plain path → fingerprinted path."""

    def __init__(self, settings: dict):
        self.static_dir = settings.get("THEME_STATIC_DIR", "theme")
        self.urls: dict[str, str] = {}
        theme = Path(settings["THEME"])
        for folder in settings.get("THEME_STATIC_PATHS", ["static"]):
            root = theme / folder
            for pattern in ASSET_PATTERNS:
                for path in sorted(root.glob(pattern)):
                    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:HASH_LENGTH]
                    relative = path.relative_to(root).as_posix()
                    self.urls[relative] = fingerprinted(relative, digest)

    def cache_fingerprint(self) -> list:
        """What it changes in a page (for output caches): the assets' addresses."""
        return [self.static_dir, sorted(self.urls.items())]

    def url(self, relative: str) -> str:
        """Return the site-root-relative path of a theme asset, fingerprinted when known."""
        return f"{self.static_dir}/{self.urls.get(relative, relative)}"

    def copy_into(self, folder: Path) -> list[str]:
        """Copy each asset Pelican wrote to its fingerprinted name; return those names."""
        written = []
        for plain, hashed in sorted(self.urls.items()):
            source = folder / self.static_dir / plain
            if source.exists():
                shutil.copyfile(source, folder / self.static_dir / hashed)
                written.append(f"{self.static_dir}/{hashed}")
        return written


def fingerprinted(relative: str, digest: str) -> str:
    """Insert the digest before the extension: ``css/site.css`` → ``css/site.<digest>.css``."""
    stem, dot, extension = relative.rpartition(".")
    return f"{stem}.{digest}{dot}{extension}" if dot else f"{relative}.{digest}"
