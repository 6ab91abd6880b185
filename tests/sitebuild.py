"""Build a site with the real Pelican and our settings, for tests.

``build_site(content, output)`` runs ``pelicanconf.py`` with ``PATH`` and
``OUTPUT_PATH`` overridden, exactly as ``pelican content`` would (but without the
browser editor's ``/admin/`` unless asked), and returns the output folder. A build
that stops on content problems raises ``ContentProblems`` (a SystemExit) whose
``report`` the test can inspect.
"""

from __future__ import annotations

from pathlib import Path
import shutil
import subprocess

from bs4 import BeautifulSoup
from pelican import Pelican
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
MINIMAL_CHAPTER = FIXTURES / "minimal" / "content" / "chapter.yml"


def build_site(
    content: Path, output: Path, settings_file: str = "pelicanconf.py", **overrides
) -> Path:
    """Build ``content`` into ``output`` with the project's settings plus ``overrides``."""
    settings = read_settings(
        str(ROOT / settings_file),
        override={
            "PATH": str(content),
            "OUTPUT_PATH": str(output),
            "THEME": str(ROOT / "theme"),
            "PLUGIN_PATHS": [str(ROOT / "plugins")],
            "CACHE_PATH": str(output.parent / "cache"),
            # No browser editor (/admin/): it is not one of the site's pages; the tests
            # that check it (test_cms_config.py, browser/test_cms.py) ask for it.
            "CMS_ADMIN": False,
            **overrides,
        },
    )
    Pelican(settings).run()
    return output


def write_tree(root: Path, files: dict[str, str | bytes]) -> None:
    """Write ``{relative path: text or bytes}`` below ``root``, making folders as needed."""
    for relative, data in files.items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            target.write_bytes(data)
        else:
            target.write_text(data, encoding="utf-8")


def run_in_project(*command: str) -> subprocess.CompletedProcess:
    """Run a command from the project's root, as an editor would, with no terminal to answer
    questions (input closed, as in CI or a pipe); capture its output."""
    return subprocess.run(
        command,
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=False,
    )


def make_content(tmp_path: Path, files: dict[str, str | bytes], *, chapter: bool = True) -> Path:
    """Write a content tree from ``{relative path: text}``; add the minimal chapter file."""
    content = tmp_path / "content"
    write_tree(content, files)
    if chapter and not (content / "chapter.yml").exists():
        content.mkdir(parents=True, exist_ok=True)
        shutil.copy(MINIMAL_CHAPTER, content / "chapter.yml")
    return content


def soup(path: Path) -> BeautifulSoup:
    """Parse an output HTML file with a real HTML5 parser."""
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html5lib")


def with_fixture_pages(pages: dict[str, dict[str, tuple[str, ...]]]) -> dict:
    """Build settings that add tests/fixtures/plugins/fixture_pages.py (pages in several
    languages, ``{address: {lang: (title, text)}}``), before search, which comes last."""
    from pelicanconf import PLUGINS

    plugins = [name for name in PLUGINS if name != "search"] + ["fixture_pages", "search"]
    return {
        "PLUGINS": plugins,
        "PLUGIN_PATHS": [str(ROOT / "plugins"), str(FIXTURES / "plugins")],
        "FIXTURE_PAGES": pages,
    }


#: chapter.yml lines that add Spanish to a site (the minimal chapter is in English).
SPANISH_CHAPTER = """
translations:
  es:
    campaign: Medicare para Todos
    tagline: La salud es un derecho humano.
"""


#: Pages in both languages, in English only and in Spanish only (the fixture_pages plugin).
FIXTURE_PAGES = {
    "clinic/": {
        "en": ("Free clinic night", "Nurses from the hospital answer questions."),
        "es": ("Noche de clínica gratuita", "Enfermeras del hospital responden preguntas."),
    },
    "english-only/": {"en": ("Only in English", "Not translated.")},
    "solo-espanol/": {"es": ("Solo en español", "Sin traducción.")},
    "town-hall/": {
        "en": ("Town hall", "Come and ask."),
        "es": ("Town hall", "Ven a preguntar.", "en"),  # the title is not translated
    },
}


def bilingual_site(tmp_path: Path, search_index: bool = False) -> Path:
    """A small site in English and Spanish: FIXTURE_PAGES, a page, a news post, search and
    the site map."""
    content = make_content(
        tmp_path,
        {
            "chapter.yml": MINIMAL_CHAPTER.read_text(encoding="utf-8")
            + "language: en\n"
            + SPANISH_CHAPTER,
            "pages/about.md": "Title: About us\nSlug: about\n\nWho we are.\n",
            "news/first.md": "Title: First news\nDate: 2026-11-01\n\nHello.\n",
        },
    )
    return build_site(
        content,
        tmp_path / "output",
        SEARCH_INDEX=search_index,
        **with_fixture_pages(FIXTURE_PAGES),
    )
