"""Write ``/admin/``: the browser editor (Decap CMS), served from the site itself.

Once every page is written (site_core's ``output_ready``), the prebuilt Decap CMS
bundle is linked (or copied) from ``node_modules/decap-cms/dist/`` (installed from
``package-lock.json`` by ``npm ci``), with ``admin/index.html`` (its own
Content-Security-Policy, ``noindex``), ``admin/config.yml`` (this site's repository
and the collections committed in ``schemas/cms.yml``) and ``cms-setup.js``. Without
``node_modules`` the site is built without ``/admin/`` and one line says why.
The page is not written by Pelican's Writer, so it is in no sitemap, feed or search.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
import re
import shutil
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader, select_autoescape
from pelican import signals
import yaml

from site_core.headers import meta_policy
from site_core.plugin import output_ready

from .config import CONFIG_FILE, site_config

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
CMS_DEFAULTS = {
    "CMS_ADMIN": True,  # False: no /admin/
    "CMS_URL": "admin/",
    "CMS_BUNDLE": str(ROOT / "node_modules" / "decap-cms" / "dist"),
    "CMS_CONFIG": str(ROOT / "schemas" / CONFIG_FILE),
    "CMS_BRANCH": "main",
    #: Where ``invoke cms`` runs decap-server (used only when the editor is opened on 127.0.0.1).
    "CMS_LOCAL_BACKEND": "http://127.0.0.1:8081/api/v1",
    #: "editorial_workflow": changes become pull requests a second volunteer merges.
    "CMS_PUBLISH_MODE": "editorial_workflow",
    #: More of the backend's options, e.g. the chapter's sign-in helper (docs/editing/cms.md):
    #: {"base_url": "https://m4a-cms-auth.example.workers.dev", "auth_scope": "public_repo"}.
    "CMS_BACKEND_OPTIONS": {},
}
#: The bundle's files the page loads: the main script, its lazily loaded chunks, WebAssembly.
BUNDLE_FILES = re.compile(r"^(decap-cms\.js|\d+\.decap-cms\.js|[0-9a-f]+\.wasm|.*LICENSE.*)$")


#: What the editor needs and nothing more (checked in a browser by tests/browser/test_cms.py):
#: its scripts from the site ('unsafe-eval': Decap compiles its config validator, ajv, with
#: new Function); the styles it injects at run time; images pasted or uploaded (blob:, data:)
#: and GitHub avatars; the git host's API and, for local use, decap-server on 127.0.0.1.
def admin_policy(settings: dict) -> str:
    """The Content-Security-Policy of ``/admin/``."""
    local = urlsplit(setting(settings, "CMS_LOCAL_BACKEND"))
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob: https://avatars.githubusercontent.com",
            "font-src 'self'",
            f"connect-src 'self' https://api.github.com {local.scheme}://{local.netloc}",
            "frame-src 'self' blob:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


_GITHUB = re.compile(r"^https://github\.com/(?P<repo>[^/\s]+/[^/\s]+?)(?:\.git)?/?$")


def setting(settings: dict, name: str):
    """A CMS setting: pelicanconf.py's value, else the default."""
    return settings.get(name, CMS_DEFAULTS[name])


def repository(settings: dict) -> str | None:
    """``owner/name`` of the chapter's GitHub repository (``repository_url``), if any."""
    chapter = settings.get("CHAPTER")
    match = _GITHUB.match(str(getattr(chapter, "repository_url", None) or ""))
    return match.group("repo") if match else None


def add_headers(pelican) -> None:
    """Give ``/admin/*`` its own policy in ``_headers`` (site_core's ``PATH_HEADERS``)."""
    settings = pelican.settings
    if setting(settings, "CMS_ADMIN"):
        pattern = "/" + setting(settings, "CMS_URL").strip("/") + "/*"
        path_headers = dict(settings.get("PATH_HEADERS", {}))
        path_headers[pattern] = {"Content-Security-Policy": admin_policy(settings)}
        settings["PATH_HEADERS"] = path_headers


def link_or_copy(source: Path, target: Path) -> None:
    """Hard-link a bundle file into the output (no 5 MB copy per build); copy where links fail."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def page(settings: dict) -> str:
    """``admin/index.html``: the editor's page with its own policy."""
    environment = Environment(
        loader=FileSystemLoader(HERE / "admin"), autoescape=select_autoescape(["html"])
    )
    asset = settings["JINJA_GLOBALS"]["asset"]
    return environment.get_template("index.html").render(
        lang=settings.get("DEFAULT_LANG", "en"),
        sitename=settings.get("SITENAME", ""),
        policy=meta_policy(admin_policy(settings)),
        stylesheet=f"{settings.get('SITEURL', '')}/{asset('css/site.css')}",
    )


def write_admin(folder: Path, settings: dict) -> None:
    """Write ``/admin/`` into the build folder, or say in one line why not."""
    if not setting(settings, "CMS_ADMIN"):
        return
    bundle = Path(setting(settings, "CMS_BUNDLE"))
    repo = repository(settings)
    if not (bundle / "decap-cms.js").is_file():
        log.warning("No /admin/ editor: run 'npm ci' to install Decap CMS (%s is missing)", bundle)
        return
    if repo is None:
        log.warning("No /admin/ editor: set repository_url in chapter.yml to a GitHub repository")
        return
    admin = folder / setting(settings, "CMS_URL").strip("/")
    admin.mkdir(parents=True, exist_ok=True)
    for source in sorted(bundle.iterdir()):
        if BUNDLE_FILES.match(source.name):
            link_or_copy(source, admin / source.name)
    shutil.copyfile(HERE / "admin" / "cms-setup.js", admin / "cms-setup.js")
    (admin / "index.html").write_text(page(settings), encoding="utf-8")
    committed = yaml.safe_load(Path(setting(settings, "CMS_CONFIG")).read_text(encoding="utf-8"))
    config = site_config(
        committed,
        {
            "name": "github",
            "repo": repo,
            "branch": setting(settings, "CMS_BRANCH"),
            **setting(settings, "CMS_BACKEND_OPTIONS"),
        },
        publish_mode=setting(settings, "CMS_PUBLISH_MODE"),
        local_backend=setting(settings, "CMS_LOCAL_BACKEND"),
    )
    (admin / "config.yml").write_text(
        yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8"
    )


def on_output_ready(folder: Path, settings: dict) -> None:
    """``output_ready`` receiver: the folder is the build's, not yet published."""
    write_admin(Path(folder), settings)


def register() -> None:
    """Connect the editor to the build."""
    signals.initialized.connect(add_headers)
    output_ready.connect(on_output_ready)
