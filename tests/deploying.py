"""The headers a host sends: from the built ``_headers`` file, and from docs/deploying.md.

``parse_headers`` and ``matches`` read ``_headers`` as Netlify and Cloudflare
Pages do; ``headers_file_config`` gives what such a host sends for each path.
The nginx and Apache configurations of the doc are read as each server reads
them, only what the doc uses: nginx ``add_header`` in the server and in ``location ~*``
blocks (a location with its own ``add_header`` lines replaces the server's, as
nginx does) and ``error_page 404`` in the server and in ``location ^~`` blocks;
Apache ``Header [always] set`` at the top and in ``<FilesMatch>`` (whose values
override the top ones, as Apache merges them) and ``ErrorDocument 404`` at the top
and in ``<If>``. ``headers_for(path)`` gives the headers each server sends for a
path of the site, ``not_found_page(path)`` the page it answers a missing one with.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
import re
import shlex

from sitebuild import ROOT

DEPLOYING = ROOT / "docs" / "deploying.md"


@dataclass
class ServerConfig:
    """The response headers one documented server configuration sends."""

    server: str
    everywhere: dict[str, str] = field(default_factory=dict)
    #: (path pattern, headers) of each location / FilesMatch block, in order.
    sections: list[tuple[re.Pattern, dict[str, str]]] = field(default_factory=list)
    replaces: bool = False  # nginx: a matching section's headers replace the server's
    #: Header names set without "always" (nginx and Apache then skip error responses).
    not_always: list[str] = field(default_factory=list)
    #: (path pattern, page) of each 404 page, the server's first: the last match wins.
    not_found: list[tuple[re.Pattern, str]] = field(default_factory=list)

    def not_found_page(self, path: str) -> str | None:
        """The page this server answers a missing ``path`` with (None: its own)."""
        pages = [page for pattern, page in self.not_found if pattern.search(path)]
        return pages[-1] if pages else None

    def headers_for(self, path: str) -> dict[str, str]:
        """The headers this server sends with the file at ``path`` (e.g. /theme/css/x.css)."""
        headers = dict(self.everywhere)
        for pattern, section in self.sections:
            if pattern.search(path):
                headers = dict(section) if self.replaces else {**headers, **section}
        return headers


def parse_headers(text: str) -> list[tuple[str, dict[str, str]]]:
    """Parse a ``_headers`` file into ``(pattern, {name: value})`` rules, in order."""
    rules: list[tuple[str, dict[str, str]]] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith((" ", "\t")):
            name, _, value = line.strip().partition(":")
            assert name not in rules[-1][1], f"{name} twice in {rules[-1][0]}"
            rules[-1][1][name] = value.strip()
        else:
            rules.append((line.strip(), {}))
    return rules


def matches(pattern: str, url: str) -> bool:
    """Whether a ``_headers`` path pattern (exact, or ending in a ``*`` splat) matches a URL."""
    return url.startswith(pattern[:-1]) if pattern.endswith("*") else url == pattern


def headers_file_for(output: Path, path: str) -> dict[str, str]:
    """What a host reading the built ``_headers`` sends for ``path`` (every matching rule)."""
    urls = {path, path.removesuffix("index.html")}
    headers: dict[str, str] = {}
    for pattern, rule in parse_headers((output / "_headers").read_text(encoding="utf-8")):
        if any(matches(pattern, url) for url in urls):
            for name in rule:  # "! Name" (Cloudflare Pages): drop what other rules set
                if name.startswith("!"):
                    headers.pop(name.removeprefix("!").strip(), None)
            headers.update({k: v for k, v in rule.items() if not k.startswith("!")})
    return headers


def fenced_block(language: str) -> str:
    """The one ```language block of docs/deploying.md."""
    blocks = re.findall(
        rf"^```{language}\n(.*?)^```", DEPLOYING.read_text(encoding="utf-8"), re.M | re.S
    )
    assert len(blocks) == 1, f"docs/deploying.md should have one {language} block"
    return blocks[0]


def nginx_config() -> ServerConfig:
    """The nginx server block of the doc."""
    config = ServerConfig("nginx", replaces=True)
    headers = config.everywhere
    prefix = re.compile("")  # the location being read (a ^~ prefix), or the whole server
    for line in fenced_block("nginx").splitlines():
        words = shlex.split(line, comments=True)
        if words[:2] == ["location", "~*"] and words[-1] == "{":
            headers = {}
            config.sections.append((re.compile(words[2], re.IGNORECASE), headers))
        elif words[:2] == ["location", "^~"] and words[-1] == "{":  # a prefix, no headers
            prefix = re.compile("^" + re.escape(words[2]))
        elif words == ["}"]:
            headers = config.everywhere
            prefix = re.compile("")
        elif words and words[0] == "error_page" and words[1] == "404":
            config.not_found.append((prefix, words[2].removesuffix(";")))
        elif words and words[0] == "add_header":
            name, value, *flags = words[1:]
            if flags != ["always;"]:
                config.not_always.append(name)
            headers[name] = value.removesuffix(";")
    return config


def apache_config() -> ServerConfig:
    """The Apache configuration (.htaccess) of the doc."""
    config = ServerConfig("apache")
    headers = config.everywhere
    where = re.compile("")  # the <If> being read, or everywhere
    for line in fenced_block("apache").splitlines():
        words = shlex.split(line, comments=True)
        if words and words[0] == "<FilesMatch":
            headers = {}
            config.sections.append((re.compile(words[1].removesuffix(">")), headers))
        elif words and words[0] == "<If":  # <If "%{REQUEST_URI} =~ m#^/admin/#">
            headers = {}
            uri = re.search(r"m#(.*?)#", words[1])
            config.sections.append((re.compile(uri.group(1)), headers))
            where = re.compile(uri.group(1))
        elif words in (["</FilesMatch>"], ["</If>"]):
            headers = config.everywhere
            where = re.compile("")
        elif words[:2] == ["ErrorDocument", "404"]:
            config.not_found.append((where, words[2]))
        elif words and words[0] == "Header":
            always = words[1] == "always"
            action, name, value = words[2:] if always else words[1:]
            assert action == "set", line
            if not always:
                config.not_always.append(name)
            headers[name] = value
    return config
