"""``_headers``: HTTP headers for static hosts that read that file (Netlify, Cloudflare Pages).

Format: a path pattern on its own line, then indented ``Name: value`` lines.
When several rules match a path, both hosts send the headers of all of them
(Cloudflare joins repeated names with a comma), so the rules here never
overlap on a header: ``/*`` carries only the security headers, and every
other rule only ``Cache-Control``:

- each fingerprinted asset (exact path): one year, ``immutable``;
- every other file or top-level folder of the output (``/``, ``/about/*``,
  ``/theme/img/share.png``...): ``HTML_CACHE_CONTROL`` (a few minutes, so a
  cancelled event shows quickly).

A folder that needs other security headers (the browser editor's ``/admin/*``,
whose scripts need more than the site's policy allows) is named in the
``PATH_HEADERS`` setting (``{"/admin/*": {name: value}}``): its rule first
detaches the site-wide header (``! Name``, Cloudflare Pages' syntax) and then
sets its own, so the two policies are never both applied.

Cloudflare Pages reads at most 100 rules; a chapter site needs about 20.
docs/deploying.md gives the same headers for nginx and Apache
(tests/test_deploying.py compares them with these).
"""

from __future__ import annotations

from pathlib import Path

IMMUTABLE_CACHE_CONTROL = "public, max-age=31536000, immutable"
HTML_CACHE_CONTROL = "public, max-age=300"

#: Content-Security-Policy: only this site's own files; no inline script, no inline
#: style attribute, no framing. 'wasm-unsafe-eval' lets the site's search (Pagefind)
#: compile its WebAssembly index; it allows no eval of JavaScript. The one statement
#: of the policy: _headers, docs/deploying.md's server configs (tested) and pages use it.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

#: Sent with every response. Override or extend with the SECURITY_HEADERS setting.
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), geolocation=(), microphone=(), payment=(), usb=()",
}

HEADERS_FILE = "_headers"

#: Directives a ``<meta http-equiv>`` policy cannot carry (browsers ignore them there and
#: say so in the console): they stay in the HTTP header only.
HEADER_ONLY_DIRECTIVES = ("frame-ancestors", "report-uri", "report-to", "sandbox")


def security_headers(settings: dict) -> dict[str, str]:
    """Return the security headers: the defaults above updated by ``SECURITY_HEADERS``."""
    return {**SECURITY_HEADERS, **settings.get("SECURITY_HEADERS", {})}


def meta_content_security_policy(settings: dict) -> str:
    """The Content-Security-Policy for a ``<meta>`` tag in every page: the header's policy
    (``security_headers``) without what only a header can carry.

    Hosts that ignore ``_headers`` (GitHub Pages) still get the policy this way.
    """
    return meta_policy(security_headers(settings).get("Content-Security-Policy", ""))


def meta_policy(policy: str) -> str:
    """A Content-Security-Policy without the directives a ``<meta>`` tag cannot carry."""
    directives = (d.strip() for d in policy.split(";"))
    return "; ".join(
        d for d in directives if d and d.split()[0].lower() not in HEADER_ONLY_DIRECTIVES
    )


def header_rules(folder: Path, immutable: list[str], settings: dict) -> list[tuple[str, dict]]:
    """Return ``(path pattern, headers)`` rules for everything in a built output folder."""
    rules: list[tuple[str, dict]] = [("/*", security_headers(settings))]
    short = {"Cache-Control": HTML_CACHE_CONTROL}
    long = {"Cache-Control": IMMUTABLE_CACHE_CONTROL}
    static_dir = settings.get("THEME_STATIC_DIR", "theme")
    if (folder / "index.html").exists():
        rules.append(("/", short))
    own = settings.get("PATH_HEADERS", {})
    for entry in sorted(folder.iterdir()):
        if entry.name in {HEADERS_FILE, static_dir}:
            continue
        pattern = f"/{entry.name}/*" if entry.is_dir() else f"/{entry.name}"
        if pattern in own:
            detached = {f"! {name}": "" for name in own[pattern]}
            rules.append((pattern, {**detached, **own[pattern], **short}))
        else:
            rules.append((pattern, short))
    for path in sorted((folder / static_dir).rglob("*")):
        if path.is_file():
            relative = path.relative_to(folder).as_posix()
            rules.append((f"/{relative}", long if relative in immutable else short))
    return rules


def write_headers(folder: Path, immutable: list[str], settings: dict) -> None:
    """Write ``_headers`` at the root of the output folder."""
    lines = ["# HTTP headers for Netlify and Cloudflare Pages; written by site_core."]
    for pattern, headers in header_rules(folder, immutable, settings):
        lines.append(pattern)
        lines.extend(
            f"  {name}" if name.startswith("!") else f"  {name}: {value}"
            for name, value in headers.items()
        )
    (folder / HEADERS_FILE).write_text("\n".join(lines) + "\n", encoding="utf-8")
