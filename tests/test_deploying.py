"""docs/deploying.md's nginx and Apache configurations send exactly the headers ``_headers`` does.

The security headers are defined once (``site_core.headers``); the doc's server
configurations are read as the servers read them (``deploying.py``) and must give
every file of the built sample site the same security headers and caching as the
``_headers`` file the build writes. tests/browser/test_deployed_search.py then
searches the site served under each of them.
"""

from __future__ import annotations

from pathlib import Path

from pelican.settings import read_settings
import pytest

from deploying import apache_config, headers_file_for, nginx_config
from site_core.chapter import load_chapter
from site_core.headers import (
    CONTENT_SECURITY_POLICY,
    HTML_CACHE_CONTROL,
    IMMUTABLE_CACHE_CONTROL,
    security_headers,
)
from site_core.problems import ProblemReport
from sitebuild import ROOT

CONFIGS = {"nginx": nginx_config, "apache": apache_config}


def site_files(output: Path) -> list[str]:
    """Every file of a built site as the path a browser asks for."""
    return sorted(
        "/" + p.relative_to(output).as_posix()
        for p in output.rglob("*")
        if p.is_file() and p.name != "_headers"
    )


@pytest.mark.parametrize("settings_file", ["pelicanconf.py", "publishconf.py"])
def test_both_builds_send_the_one_content_security_policy(settings_file):
    settings = read_settings(str(ROOT / settings_file))
    policy = security_headers(settings)["Content-Security-Policy"]
    assert policy == CONTENT_SECURITY_POLICY
    directives = {d.split()[0]: d.split()[1:] for d in policy.split("; ")}
    assert directives["script-src"] == ["'self'", "'wasm-unsafe-eval'"]  # the site's search
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy


@pytest.mark.parametrize("server", CONFIGS)
def test_the_documented_server_sends_what_the_headers_file_says(server, sample_site):
    config = CONFIGS[server]()
    assert config.everywhere, f"no headers found in the doc's {server} configuration"
    assert set(config.not_always) <= {"Cache-Control"}, "security headers need 'always'"
    compared = 0
    for path in site_files(sample_site):
        expected = headers_file_for(sample_site, path)
        assert config.headers_for(path) == expected, path
        compared += 1
    immutable = [
        p
        for p in site_files(sample_site)
        if config.headers_for(p)["Cache-Control"] == IMMUTABLE_CACHE_CONTROL
    ]
    assert immutable and all(p.startswith("/theme/") for p in immutable)
    assert compared > 50


def test_the_headers_file_is_the_policy_and_the_cache_rules(sample_site):
    every = headers_file_for(sample_site, "/index.html")
    assert every["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert every["Cache-Control"] == HTML_CACHE_CONTROL


@pytest.mark.parametrize("server", CONFIGS)
def test_a_missing_address_gets_the_404_page_of_its_language(server, sample_site):
    """Under each language folder of the sample chapter, the documented server answers a
    missing address with that language's 404 page; elsewhere with /404.html."""
    config = CONFIGS[server]()
    languages = load_chapter(ROOT / "content" / "chapter.yml", ProblemReport(ROOT)).languages
    assert languages.others, "the sample site is in more than one language"
    assert config.not_found_page("/no-such-page/") == "/404.html"
    assert config.not_found_page("/events/no-such-event/") == "/404.html"
    assert (sample_site / "404.html").is_file()
    for lang in languages.others:
        page = f"/{lang}/404.html"
        assert config.not_found_page(f"/{lang}/no-such-page/") == page
        assert config.not_found_page(f"/{lang}/events/no-such-event/") == page
        # the headers of a missing page under /es/ are the site's, as anywhere else
        assert config.headers_for(f"/{lang}/no-such-page/") == config.headers_for("/no-such/")
        if not (sample_site / page.lstrip("/")).is_file():
            pytest.skip(f"the sample site has no {page} yet (content/pages/404.{lang}.md)")
