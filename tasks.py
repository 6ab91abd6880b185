"""Everyday commands: ``invoke build``, ``serve``, ``livereload``, ``cms``, ``publish``, ``test``.

Checks and measurements: ``invoke lighthouse`` (scores of each page type),
``invoke bench`` (build times against plain Pelican; see docs/performance.md).

Every build goes through :func:`pelican_run`, the same code path as
``pelican content``: content problems print as a list of ``file:line: field:
message; fix`` lines and the previous ``output/`` is left untouched.
"""

from __future__ import annotations

from datetime import UTC, datetime
import os
from pathlib import Path
import subprocess
import sys
import time

from invoke import task

ROOT = Path(__file__).resolve().parent
OUTPUT = ROOT / "output"
sys.path.insert(0, str(ROOT / "plugins"))  # the tasks import the plugins, as Pelican does


def pelican_run(settings_file: str = "pelicanconf.py", **overrides) -> dict:
    """Build the site once with the given settings file; exit non-zero on content problems.

    Returns the settings the build used (with ``SITEURL`` as the plugins set it).
    """
    from pelican import Pelican
    from pelican.settings import read_settings

    os.chdir(ROOT)
    settings = read_settings(str(ROOT / settings_file), override=overrides or None)
    Pelican(settings).run()
    return settings


@task
def build(c):
    """Build the site into output/ with the development settings."""
    pelican_run()


@task(help={"content": "the content folder to check (default: content/)"})
def check(c, content="content"):
    """Check every content file without writing the site; list all problems at once."""
    started = time.perf_counter()
    try:
        pelican_run(CHECK_ONLY=True, PATH=str(Path(content).resolve()))
    except SystemExit as stopped:
        if stopped.code:
            raise
        warnings = getattr(stopped, "warnings", 0)  # site_core.problems.CheckPassed
    elapsed = f"({time.perf_counter() - started:.2f} s)"
    if warnings:
        print(f"{content}: no errors, {warnings} warning(s) (see above) {elapsed}")
    else:
        print(f"{content}: no problems {elapsed}")


@task
def schemas(c):
    """Regenerate the JSON Schemas and the browser editor's forms in schemas/ from the models."""
    from cms.config import write_config
    from site_core.schemas import write_schemas

    for path in [*write_schemas(ROOT / "schemas"), write_config(ROOT / "schemas")]:
        print(f"wrote {path.relative_to(ROOT)}")


@task
def catalogs(c):
    """Bring the interface's translation catalogs (theme/translations/) up to date with the code."""
    from site_core.catalogs import gaps, update

    for lang in _chapter("content").languages.others:
        for path in update(ROOT, lang):
            print(f"updated {path.relative_to(ROOT)}")
        missing = gaps(ROOT, lang)
        print(f"{lang}: {len(missing)} interface string(s) to translate")


@task(
    help={
        "content": "the content folder (default: content/)",
        "stamp": "a translation (content/pages/about.es.md) to mark current: its Source-Hash:"
        " becomes its original's digest now",
    }
)
def translations(c, content="content", stamp=""):
    """The translation gap report: what has no translation, what changed since it was translated.

    ``--stamp FILE`` instead marks one translated page or news post as current (once its
    translator has brought it up to date with the original).
    """
    if stamp:
        from site_core.page_translations import stamp as stamp_file

        try:
            digest = stamp_file(Path(stamp), _chapter(content).languages)
        except ValueError as problem:
            raise SystemExit(str(problem)) from None
        print(f"{stamp}: Source-Hash: {digest}")
        return
    from pelican import Pelican
    from pelican.settings import read_settings

    from site_core.catalogs import gaps
    from site_core.translations import TranslationRecord, gap_report

    os.chdir(ROOT)
    overrides = {"CHECK_ONLY": True, "PATH": str(Path(content).resolve())}
    settings = read_settings(str(ROOT / "pelicanconf.py"), override=overrides)
    try:
        Pelican(settings).run()
    except SystemExit as stopped:
        if stopped.code:
            raise
    build = settings["SITE_BUILD"]
    print(gap_report(build.state(TranslationRecord).units, build.languages))
    for lang in build.languages.others:
        strings = gaps(ROOT, lang)
        if strings:
            print(f"{lang}: {len(strings)} interface string(s) untranslated (invoke catalogs):")
            for gap in strings:
                print(f"    {gap.domain}.po: {gap.msgid!r} ({gap.reason})")


def _chapter(content: str):
    """The chapter of ``content``/chapter.yml; its problems stop the task, listed."""
    from site_core.chapter import load_chapter
    from site_core.problems import ProblemReport

    report = ProblemReport()
    chapter = load_chapter(Path(content) / "chapter.yml", report)
    if chapter is None:
        raise SystemExit(report.render() or f"{content}/chapter.yml: cannot be read")
    return chapter


def _scaffold(path_and_text, report=None) -> None:
    """Write a new content file (never over an existing one) unless ``report`` has errors."""
    from site_core.scaffold import create

    if report is not None and report.problems:
        said = "\n".join(str(problem) for problem in report.errors + report.warnings)
        if report.errors:
            raise SystemExit(f"{said}\nnothing was written")
        print(said, file=sys.stderr)
    path = create(*path_and_text)
    print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


@task(
    help={
        "questionnaire": "folder name under content/questionnaires/ (default: the newest)",
        "name": "the candidate's name",
        "office": "the office, one of the questionnaire's",
        "district": "district (optional)",
        "party": "party or affiliation (optional)",
        "website": "campaign website, https://... (optional)",
        "received": "the day the answers came in, YYYY-MM-DD (default: today)",
        "content": "content folder",
    }
)
def new_candidate(
    c,
    questionnaire="",
    name="",
    office="",
    district="",
    party="",
    website="",
    received="",
    content="content",
):
    """Write a new candidate answer sheet with a heading for every question."""
    given = {name: value for name, value in locals().items() if name not in {"c", "content"}}
    from questionnaires.scaffold import (
        candidate_sheet,
        questionnaire_in,
        questionnaire_question,
        sheet_questions,
    )
    from site_core.ask import ask_all
    from site_core.builddate import build_datetime

    root = Path(content) / "questionnaires"
    folders = tuple(sorted(p.name for p in root.iterdir() if p.is_dir())) if root.exists() else ()
    folder = root / ask_all([questionnaire_question(folders)], given)["questionnaire"]
    chosen = questionnaire_in(folder)
    today = build_datetime().date().isoformat()
    answers = ask_all(sheet_questions(folder, chosen, today), given)
    _scaffold(candidate_sheet(folder, chosen, answers))


@task(
    help={
        "title": "what readers see first, e.g. 'Door knocking in Atwood'",
        "type": "canvass, town-hall, panel, rally, phonebank, training, meeting or other",
        "start": "local date and time, e.g. 2026-12-05 10:00 (a date alone: all day)",
        "end": "local date and time it ends (optional; default: a usual length for the type)",
        "location": "the place's name (or give --online)",
        "address": "street address of a public place (optional; never a member's home)",
        "online": "https:// link to join, for an online event",
        "rsvp": "https:// sign-up link (optional)",
        "description": "a one-line description (optional)",
        "content": "content folder",
    }
)
def new_event(
    c,
    title="",
    type="",
    start="",
    end="",
    location="",
    address="",
    online="",
    rsvp="",
    description="",
    content="content",
):
    """Write a new events file with one event, each answer checked as it is given."""
    given = {name: value for name, value in locals().items() if name not in {"c", "content"}}
    from events.scaffold import QUESTIONS, event_data, event_file, event_problems, online_question
    from site_core.ask import ask_all
    from site_core.builddate import build_datetime

    chapter = _chapter(content)
    answers = ask_all(QUESTIONS, given)
    answers |= ask_all([online_question(answers["location"])], given)
    data = event_data(answers)
    path, text = event_file(Path(content) / "events", data)
    report = event_problems(path, data, chapter.timezone, build_datetime())
    _scaffold((path, text), report)


@task(
    help={
        "title": "the chapter's title",
        "number": "the chapter's number in the book; later chapters move down (default: last)",
        "after": "the address (slug) of the chapter it follows, e.g. canvassing-the-rap",
        "status": "planned or written",
        "content": "content folder",
    }
)
def new_guide_chapter(c, title="", number=0, after="", status="planned", content="content"):
    """Write a new chapter of the organizing guide, placed without renumbering other files."""
    from guide.scaffold import chapter_file
    from site_core.ask import Question, ask_all

    title = ask_all([Question("title", "Chapter title", required=True)], {"title": title})["title"]
    _scaffold(chapter_file(Path(content) / "guide", title, int(number), status, after))


@task(
    help={
        "name": "the chapter's name, e.g. 'Springfield DSA'",
        "city": "its city",
        "region": "its state or region",
        "timezone": "timezone of its events, an IANA name (default America/New_York)",
        "volunteer_url": "volunteer sign-up link, https://...",
        "contact_email": "contact e-mail address",
        "site_url": "the site's public address, https://...",
        "yes": "remove the sample without asking (needed with no terminal)",
        "content": "content folder",
    }
)
def new_chapter(
    c,
    name="",
    city="",
    region="",
    timezone="",
    volunteer_url="",
    contact_email="",
    site_url="",
    yes=False,
    content="content",
):
    """Start the site for a new chapter: its chapter.yml, and no sample chapter's content.

    Removes the sample's events, candidates, charter and news and rewrites the home and
    about pages; keeps the Medicare for All explainer and the guide.
    """
    given = {k: v for k, v in locals().items() if k not in {"c", "content", "yes"}}
    from site_core.ask import NoAnswer, Question, ask_all
    from site_core.new_chapter import QUESTIONS, SAMPLE, start_chapter

    answers = ask_all(QUESTIONS, given)
    if not yes:
        sure = Question(
            "yes",
            f"Remove {', '.join(SAMPLE)} from {content}/ and rewrite chapter.yml, "
            "home and about? (y/n)",
            required=True,
            needed="--yes to remove the sample",
        )
        if ask_all([sure], {})["yes"].lower() not in {"y", "yes"}:
            raise NoAnswer("nothing was changed")
    for line in start_chapter(Path(content), answers):
        print(line)
    print(f"now check it: .venv/bin/invoke check --content {content}")


@task
def publish(c):
    """Build the site for the public address (publishconf.py), then rsync it if configured."""
    # RECORD_ADDRESSES: content/addresses.yml is updated too, to commit (docs/editing/addresses.md)
    site_url = pelican_run("publishconf.py", RECORD_ADDRESSES=True)["SITEURL"]
    target = os.environ.get("RSYNC_TARGET", "").strip()
    if not target:
        print(
            f"built output/ for {site_url}; not uploaded: set RSYNC_TARGET (e.g. "
            "user@host:/var/www/m4a) to copy it with rsync, or let GitHub Pages publish "
            "the repository (docs/editing/github-pages.md). Run 'invoke build' to preview "
            "locally again: output/'s links now point at the live site."
        )
        return
    subprocess.run(["rsync", "-avz", "--delete", "--", f"{OUTPUT}/", target], check=True)
    print(f"built output/ for {site_url} and copied it to {target} with rsync")


@task(help={"port": "port to listen on (default 8000; 0: any free port)"})
def serve(c, port=8000):
    """Serve output/ on http://127.0.0.1:PORT as a static host does (Ctrl-C to stop)."""
    from site_core.preview import PreviewProblem, free_port, not_built_hint, static_server

    hint = not_built_hint(OUTPUT)
    if hint:
        raise PreviewProblem(hint)
    port = free_port(int(port))
    server = static_server(OUTPUT, port)
    print(f"Serving {OUTPUT} at http://127.0.0.1:{port}/ - Ctrl-C to stop")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        server.server_close()


#: What ``invoke livereload`` watches (globs from the project root): every content
#: file (Markdown and YAML alike), the theme, the plugins and the settings.
LIVERELOAD_WATCH = ("content/**/*", "theme/**/*", "plugins/**/*.py", "*.py")
#: The content cache: a save re-reads only the file that changed. No Content-Security-Policy
#: meta tag: it would block the inline script livereload injects into every page.
LIVERELOAD_SETTINGS = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True, "CSP_META_TAG": False}
#: After the first build, a save does not re-index search: Pagefind takes seconds on a
#: large site. The preview keeps the first build's index (search finds text as it was then).
LIVERELOAD_ON_SAVE = {"SEARCH_INDEX": False, "OUTPUT_RETENTION": ["pagefind"]}


def preview_date() -> dict:
    """A preview's build date: the start of the current hour (unless SOURCE_DATE_EPOCH is set).

    Saves within the hour then keep the same "now", so the events cache reuses every
    unchanged calendar file (their DTSTAMP is the build date); an event that ended within
    the hour still shows as upcoming in the preview, where events-fresh.js hides it.
    """
    if os.environ.get("SOURCE_DATE_EPOCH", "").strip():
        return {}
    return {"BUILD_DATE": datetime.now(UTC).replace(minute=0, second=0, microsecond=0)}


def rebuild_for_preview(first: bool = False, **overrides) -> None:
    """Rebuild with the content cache; on content problems print them and keep the last site."""
    settings = LIVERELOAD_SETTINGS if first else {**LIVERELOAD_SETTINGS, **LIVERELOAD_ON_SAVE}
    try:
        pelican_run(**{**settings, **preview_date(), **overrides})
    except SystemExit as stopped:  # content problems: show them, keep serving the last good site
        if stopped.code:
            print(stopped.code, file=sys.stderr)


def rebuilder_on_save(**overrides):
    """Return what livereload calls on a save: a function of no parameter.

    livereload passes the list of changed files to a callback that takes any
    parameter, which ``rebuild_for_preview`` would take for ``first``.
    """

    def rebuild_on_save() -> None:
        rebuild_for_preview(**overrides)

    return rebuild_on_save


@task(help={"port": "port to listen on (default 8000; 0: any free port)"})
def livereload(c, port=8000):
    """Build, serve on http://127.0.0.1:PORT and rebuild when content, theme or settings change."""
    from livereload import Server

    from site_core.preview import LivereloadHandler, busy_port, free_port, static_server

    port = free_port(int(port))
    static_server(OUTPUT, port).server_close()  # a busy port is said before the build
    rebuild_for_preview(first=True)
    server = Server()
    server.SFH = LivereloadHandler
    on_save = rebuilder_on_save()
    for pattern in LIVERELOAD_WATCH:
        server.watch(pattern, on_save)
    try:
        server.serve(host="127.0.0.1", port=port, root=str(OUTPUT))
    except OSError as failed:  # taken between the probe and now
        raise busy_port(port) from failed


#: decap-server, the browser editor's local backend (``npm ci`` installs it).
DECAP_SERVER = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"


@task(help={"port": "the preview's port (default 8000); decap-server uses 8081"})
def cms(c, port=8000):
    """Preview the site and its browser editor: http://127.0.0.1:PORT/admin/ edits content/.

    Starts decap-server (file-system mode: it writes into content/, and you commit)
    on 127.0.0.1 beside ``invoke livereload``; Ctrl-C stops both.
    """
    import subprocess

    if not DECAP_SERVER.is_file():
        raise SystemExit("invoke cms: run 'npm ci' first (it installs Decap CMS and decap-server)")
    environment = {
        **os.environ,
        "PORT": "8081",  # CMS_LOCAL_BACKEND's
        "BIND_HOST": "127.0.0.1",
        "GIT_REPO_DIRECTORY": str(ROOT),
        "MODE": "fs",
    }
    backend = subprocess.Popen(["node", str(DECAP_SERVER)], env=environment)
    print(f"Edit the site at http://127.0.0.1:{port}/admin/ (Login: no account needed)")
    try:
        livereload(c, port=port)
    finally:
        backend.terminate()
        backend.wait(timeout=10)


@task(
    help={
        "sites": "sizes DOCS[:EVENTS[:QUESTIONNAIRES]], comma-separated "
        "(default 100,1000,5000,1000:10000,1000:0:5)",
        "runs": "runs of each kind, medians (default 3)",
        "candidates": "candidates per questionnaire (default 5)",
        "livereload": "documents for the livereload edit-to-rebuilt timing (0: skip)",
        "no_plain": "skip plain Pelican",
        "lean_plain": "also plain Pelican without its N² page menus (DISPLAY_PAGES_ON_MENU)",
        "profile": "profile one cold build of the first size instead (cProfile)",
        "quick": "100 and 1,000 documents, one run",
    }
)
def bench(
    c,
    sites="",
    runs=3,
    candidates=5,
    livereload=1000,
    no_plain=False,
    lean_plain=False,
    profile=False,
    quick=False,
):
    """Time cold, warm and one-edit builds against plain Pelican (see docs/performance.md)."""
    from benchmarks.bench import DEFAULT_SITES, main

    argv = ["--sites", sites or DEFAULT_SITES, "--runs", str(runs)]
    argv += ["--candidates", str(candidates), "--livereload", str(livereload)]
    flags = {"--no-plain": no_plain, "--lean-plain": lean_plain, "--profile": profile}
    flags["--quick"] = quick
    main(argv + [flag for flag, given in flags.items() if given])


@task
def lighthouse(c):
    """Build the site, then run Lighthouse (mobile) on one page of each type; fail below 100."""
    pelican_run()
    sys.path.insert(0, str(ROOT / "tests"))
    from lighthouse_audit import main

    if main([str(OUTPUT)]):
        raise SystemExit("lighthouse: a page scored below 100 in some category (see above)")


@task
def test(c):
    """Run the whole test suite (after scripts/install-test-tools)."""
    c.run(f"{sys.executable} -m pytest", pty=False)


@task
def lint(c):
    """Check the Python code with ruff: lint rules, then formatting (CI runs this too)."""
    c.run(f"{sys.executable} -m ruff check .", pty=False)
    c.run(f"{sys.executable} -m ruff format --check .", pty=False)
