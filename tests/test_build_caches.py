"""What makes rebuilds fast must never make them wrong: compiled templates, preview saves."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
import os
import subprocess
import sys
import time

from jinja2 import DictLoader, Environment

from site_core.output import wait_for_deletions
from site_core.templates import TemplateCache
from sitebuild import build_site, make_content, soup
import tasks  # the project's tasks.py (conftest puts it on the path)


def _environment(templates: dict, cache: TemplateCache, **options) -> tuple[Environment, list]:
    """A Jinja environment that records each template it compiles."""
    environment = Environment(loader=DictLoader(templates), bytecode_cache=cache, **options)
    compiled = []
    compile_source = environment.compile

    def counting_compile(source, name=None, filename=None, raw=False, defer_init=False):
        compiled.append(name)
        return compile_source(source, name, filename, raw, defer_init)

    environment.compile = counting_compile
    return environment, compiled


def test_each_template_is_compiled_once_for_every_generator():
    options = {"autoescape": True, "trim_blocks": True}
    templates = {"page.html": "<p>{{ text }}</p>"}
    cache = TemplateCache()  # one per build, shared by its generators
    first, first_compiled = _environment(templates, cache, **options)
    second, second_compiled = _environment(templates, cache, **options)
    assert first.get_template("page.html").render(text="<b>") == "<p>&lt;b&gt;</p>"
    assert second.get_template("page.html").render(text="<b>") == "<p>&lt;b&gt;</p>"
    assert (first_compiled, second_compiled) == (["page.html"], [])


def test_an_edited_template_or_other_options_compile_again():
    cache = TemplateCache()
    first, _ = _environment({"page.html": "<p>{{ text }}</p>"}, cache, autoescape=True)
    first.get_template("page.html")
    edited, compiled = _environment({"page.html": "<div>{{ text }}</div>"}, cache)
    assert edited.get_template("page.html").render(text="x") == "<div>x</div>"
    assert compiled == ["page.html"]
    # Compiled with autoescape above; this environment escapes nothing: its own code.
    unescaped, compiled = _environment({"page.html": "<p>{{ text }}</p>"}, cache)
    assert unescaped.get_template("page.html").render(text="<b>") == "<p><b></p>"
    assert compiled == ["page.html"]


def test_the_compiled_templates_survive_on_disk(tmp_path):
    options = {"autoescape": True}
    templates = {"page.html": "<p>{{ text }}</p>"}
    _environment(templates, TemplateCache(tmp_path), **options)[0].get_template("page.html")
    later, compiled = _environment(templates, TemplateCache(tmp_path), **options)
    assert later.get_template("page.html").render(text="&") == "<p>&amp;</p>"
    assert compiled == []


def test_a_preview_save_keeps_the_search_index_and_leaves_nothing_behind(tmp_path):
    from livereload.watcher import Watcher

    content = make_content(
        tmp_path, {"pages/about.md": "Title: About us\nSlug: about\n\nWe knock on doors.\n"}
    )
    output = tmp_path / "output"
    paths = {"PATH": str(content), "OUTPUT_PATH": str(output), "CACHE_PATH": str(tmp_path / "c")}
    tasks.rebuild_for_preview(first=True, **paths)
    index = sorted(p.relative_to(output) for p in (output / "pagefind").rglob("*"))
    assert index
    watcher = Watcher()  # livereload's own, given what the task gives it
    watcher.watch(str(content / "**" / "*"), tasks.rebuilder_on_save(**paths))
    watcher.examine()
    (content / "pages" / "about.md").write_text(
        "Title: About the group\nSlug: about\n\nWe knock on doors.\n", encoding="utf-8"
    )
    os.utime(content / "pages" / "about.md", (time.time() + 5, time.time() + 5))
    watcher.examine()  # a save: rebuilt without a new index, the first one kept
    assert soup(output / "about" / "index.html").h1.get_text() == "About the group"
    assert sorted(p.relative_to(output) for p in (output / "pagefind").rglob("*")) == index
    wait_for_deletions()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c", "content", "output"]


def test_a_replaced_site_left_half_deleted_is_removed_by_the_next_build(tmp_path):
    # A deletion cut short (the machine stopped) leaves an .output.old-* folder; the next build
    # deletes what was left, and only that.
    content = make_content(tmp_path, {"pages/about.md": "Title: About us\nSlug: about\n\nHi.\n"})
    output = tmp_path / "output"
    leftover = tmp_path / ".output.old-4242-0" / "news"
    leftover.mkdir(parents=True)
    (leftover / "index.html").write_text("<p>old</p>", encoding="utf-8")
    unrelated = tmp_path / ".outputs-of-someone-else"
    unrelated.mkdir()
    build_site(content, output)
    build_site(content, output)
    wait_for_deletions()
    assert not list(tmp_path.glob(".output.old-*"))
    assert unrelated.is_dir()
    assert soup(output / "about" / "index.html").h1.get_text() == "About us"


def test_a_killed_builds_folder_is_removed_by_the_next_build_and_a_running_ones_kept(tmp_path):
    content = make_content(tmp_path, {"pages/about.md": "Title: About us\nSlug: about\n\nHi.\n"})
    ended = subprocess.Popen([sys.executable, "-c", "pass"])
    ended.wait()  # its process id no longer exists: the build that had it was killed
    running = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        killed = tmp_path / f".output.building-{ended.pid}" / "events"
        concurrent = tmp_path / f".output.building-{running.pid}" / "events"
        for folder in (killed, concurrent):
            folder.mkdir(parents=True)
            (folder / "index.html").write_text("<p>half written</p>", encoding="utf-8")
        build_site(content, tmp_path / "output")
        wait_for_deletions()
        assert not killed.parent.exists()
        assert (concurrent / "index.html").read_text(encoding="utf-8") == "<p>half written</p>"
    finally:
        running.kill()
        running.wait()


def test_a_preview_keeps_one_build_date_per_hour(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    date = tasks.preview_date()["BUILD_DATE"]
    assert (date.minute, date.second, date.microsecond, date.utcoffset()) == (0, 0, 0, timedelta(0))
    assert abs(datetime.now(UTC) - date) < timedelta(hours=1, minutes=1)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795608000")
    assert tasks.preview_date() == {}  # a pinned date wins, as for every build
