"""Pelican settings for the chapter site (development: served on localhost).

The chapter's identity (name, timezone, links) is not here: it lives in
content/chapter.yml, which the site_core plugin reads and validates. Forking the
kit for another chapter means editing that file and content/, never this one.
"""

PATH = "content"
OUTPUT_PATH = "output"
THEME = "theme"
CHAPTER_FILE = "chapter.yml"

# Our plugins, in order. site_core comes first: it reads the chapter file and
# owns the problem report, the build date and the atomic output every other one uses.
PLUGIN_PATHS = ["plugins"]
# search comes last: its site map lists the pages every plugin before it wrote.
PLUGINS = [
    "site_core",
    "events",
    "guide",
    "charters",
    "questionnaires",
    "redirects",
    "cms",
    "search",
]

# Root-relative links in development; publishconf.py sets the public address.
SITEURL = ""
RELATIVE_URLS = False

# Content layout: pages and news articles; other folders belong to plugins
# (content/questionnaires/ to the questionnaires plugin, which also excludes it here).
PAGE_PATHS = ["pages"]
ARTICLE_PATHS = ["news"]
STATIC_PATHS = ["extra", "images"]  # content/images/: pictures pages show ({static}/images/x.png)
EXTRA_PATH_METADATA = {"extra/favicon.ico": {"path": "favicon.ico"}}
IGNORE_FILES = [".#*", "*.yml.swp", "README.md"]

PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
ARTICLE_URL = "news/{date:%Y}/{slug}/"
ARTICLE_SAVE_AS = "news/{date:%Y}/{slug}/index.html"
INDEX_SAVE_AS = "news/index.html"  # the home page is content/pages/home.md
INDEX_URL = "news/"
# Translations: about.es.md translates about.md (site_core.page_translations gives each file
# its language and its original's path as translation_key) and is written under /es/.
PAGE_TRANSLATION_ID = ARTICLE_TRANSLATION_ID = "translation_key"
PAGE_LANG_URL = "{lang}/{slug}/"
PAGE_LANG_SAVE_AS = "{lang}/{slug}/index.html"
ARTICLE_LANG_URL = "{lang}/news/{date:%Y}/{slug}/"
ARTICLE_LANG_SAVE_AS = "{lang}/news/{date:%Y}/{slug}/index.html"
DEFAULT_PAGINATION = 10
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)

# Only the pages a chapter needs: no tag, category, author or archive listings.
DIRECT_TEMPLATES = ["index"]
TAG_SAVE_AS = CATEGORY_SAVE_AS = AUTHOR_SAVE_AS = ""
TAGS_SAVE_AS = CATEGORIES_SAVE_AS = AUTHORS_SAVE_AS = ARCHIVES_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = MONTH_ARCHIVE_SAVE_AS = DAY_ARCHIVE_SAVE_AS = ""
DISPLAY_PAGES_ON_MENU = False  # menus are explicit: NAV_LINKS below
DISPLAY_CATEGORIES_ON_MENU = False


def _(label: str) -> str:
    """Mark a label for the interface's catalogs (``invoke catalogs``); pages translate it."""
    return label


# The main navigation, in order: (label, URL relative to the language's root).
NAV_LINKS = [
    (_("Medicare for All"), "medicare-for-all/"),
    (_("Events"), "events/"),
    (_("About us"), "about/"),
    (_("News"), "news/"),
    (_("Guide"), "guide/"),
    (_("Working groups"), "working-groups/"),
    (_("Candidates"), "candidates/"),
]

# Feeds: one Atom feed of news per language (the news in that language: site_core writes
# es/feeds/news.atom.xml when there is Spanish news). No RSS duplicates, no per-category feeds.
FEED_ATOM = "feeds/news.atom.xml"
FEED_ALL_ATOM = FEED_ALL_RSS = CATEGORY_FEED_ATOM = TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None

DEFAULT_DATE = None
SUMMARY_MAX_LENGTH = 40

MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.sane_lists": {},
        "markdown.extensions.toc": {"permalink": "#", "permalink_title": "Link to this section"},
        "markdown.extensions.admonition": {},
        "markdown.extensions.smarty": {"smart_quotes": False},
        "site_core.embeds": {},  # !!! embed "https://...": a link card, nothing loaded from there
    },
    "output_format": "html5",
}

# The picture social sites show when a page is shared, relative to the theme's static folder.
SHARE_IMAGE = "img/share.png"

# Builds are fast from scratch; publish builds never reuse a cache.
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
DELETE_OUTPUT_DIRECTORY = True

# The secondary buttons under "Volunteer with us" on the home page.
HOME_ACTIONS = [
    (_("Come to an event"), "events/"),
    (_("What is Medicare for All?"), "medicare-for-all/"),
]

# site_core sets TIMEZONE and the feed address from content/chapter.yml after
# Pelican's own settings check, which would otherwise warn that they are missing.
LOG_FILTER = [
    (30, "Feeds generated without SITEURL or FEED_DOMAIN set properly may not be valid"),
    (
        30,
        "No timezone information specified in the settings. Assuming your timezone is UTC"
        " for feed generation. Check https://docs.getpelican.com/en/latest/settings.html"
        "#TIMEZONE for more information",
    ),
]

# Templates escape every value unless it is known HTML: Markdown rendered (and, for data
# files, sanitised) by the build is marked with `|safe` or is a markupsafe.Markup.
# auto_reload off: each build starts new Jinja environments, so checking every template
# file's time at every page is wasted (site_core also shares compiled templates).
JINJA_ENVIRONMENT = {
    "trim_blocks": True,
    "lstrip_blocks": True,
    "autoescape": True,
    "auto_reload": False,
}
