"""One slug function for every kind of content, and addresses no two files share.

The problems an editor can make with an address (a page over a plugin's folder, two
pages on one address, a path out of the site) are also in the bad-input corpus
(tests/bad_input/page-*, pages-*, news-*, guide-chapter-titled-print,
charters-share-an-address, events-same-title-same-day).
"""

from __future__ import annotations

from pathlib import Path
import shutil

from hypothesis import given, settings, strategies as st
import pytest

from site_core.problems import ContentProblems
from site_core.slugs import SLUG, slugify
from sitebuild import FIXTURES, build_site, make_content, soup

#: Every address the sample site had before the one slug function (URLs are promises).
SAMPLE_ADDRESSES = Path(__file__).parent / "sample_addresses.txt"


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Door knocking in Atwood", "door-knocking-in-atwood"),
        ("Common Council, District 12", "common-council-district-12"),
        ("Tabling at the Winter Farmers' Market", "tabling-at-the-winter-farmers-market"),
        ("Madison’s new home", "madisons-new-home"),
        ("Don't stop", "dont-stop"),
        ("Canvassing: the Rap", "canvassing-the-rap"),
        ("señoras y señores", "senoras-y-senores"),
        ("ñandú", "nandu"),
        ("Straße", "strasse"),
        ("Привет мир", "privet-mir"),
        ("集会", "ji-hui"),
        ("🎉", "party-popper"),
        ("🎉 ☃", "party-popper-snowman"),
    ],
)
def test_titles_become_readable_ascii_slugs(title, slug):
    assert slugify(title) == slug


def test_a_title_with_nothing_to_spell_gets_a_stable_hash():
    assert slugify("   ") == slugify("   ")
    assert SLUG.match(slugify("   ")) and slugify("   ") != slugify("")


def test_max_length_cuts_without_a_trailing_hyphen():
    slug = slugify("a" * 59 + " bcd", max_length=60)
    assert slug == "a" * 59 and len(slugify("word " * 30, max_length=60)) <= 60


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_any_text_gives_a_valid_slug(text):
    slug = slugify(text)
    assert SLUG.match(slug), (text, slug)
    assert slugify(text) == slug


def test_the_sample_site_keeps_every_address_it_had(sample_site):
    written = {p.relative_to(sample_site).as_posix() for p in sample_site.rglob("*") if p.is_file()}
    promised = SAMPLE_ADDRESSES.read_text(encoding="utf-8").split()
    assert [a for a in promised if a not in written] == []


def _event(title: str, start: str) -> str:
    return f"- title: {title}\n  type: rally\n  location: Library Mall\n  start: {start}\n"


def test_non_latin_titles_get_distinct_readable_slugs(tmp_path):
    content = make_content(
        tmp_path,
        {
            "events/a.yml": _event("ñandú", "2026-12-05 10:00")
            + _event("señoras", "2026-12-05 12:00")
            + _event("集会", "2026-12-05 14:00")
            + _event("会议", "2026-12-05 18:00")
            + _event("🎉🎉", "2026-12-06 18:00"),
            "pages/about.md": "Title: Über uns\n\nWho we are.\n",
            "pages/china.md": "Title: 我们是谁\n\nWho we are.\n",
            "news/post.md": "Title: ¿Qué pasa?\nDate: 2026-11-20\n\nNews.\n",
            "guide/one.md": "Title: Ça commence\nChapter: 1\n\nText.\n",
            "charters/one.md": (
                "Working group: Salud para todos\nChapter: C\nStatus: proposed\n"
                "Reports to: C\n\n1. We organize.\n"
            ),
        },
    )
    output = build_site(content, tmp_path / "output")
    for address in (
        "events/2026-12-05-nandu",
        "events/2026-12-05-senoras",
        "events/2026-12-05-ji-hui",
        "events/2026-12-05-hui-yi",
        "events/2026-12-06-party-popper-party-popper",
        "uber-uns",
        "wo-men-shi-shui",
        "news/2026/que-pasa",
        "guide/ca-commence",
        "working-groups/salud-para-todos",
    ):
        assert soup(output / address / "index.html").find("h1"), address
    assert not (output / "index.html").exists()  # Pelican's slug of 我们是谁 was "": the home page


def _problems(tmp_path, files: dict[str, str], **overrides) -> list[str]:
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "minimal" / "content", content)
    for relative, text in files.items():
        (content / relative).parent.mkdir(parents=True, exist_ok=True)
        (content / relative).write_text(text, encoding="utf-8")
    with pytest.raises(ContentProblems) as stopped:
        build_site(content, tmp_path / "output", **overrides)
    return [str(p) for p in stopped.value.report.errors]


#: Every top-level name the sample configuration writes, from the issue (events...) and
#: from Pelican's settings (news for INDEX_SAVE_AS, feeds, theme).
TAKEN = [
    "events", "candidates", "news", "search", "guide", "working-groups", "site-map",
    "feeds", "theme", "pagefind",
]  # fmt: skip


@pytest.mark.parametrize("name", TAKEN)
def test_a_page_cannot_take_a_folder_the_site_writes(tmp_path, name):
    (problem,) = _problems(tmp_path, {"pages/x.md": f"Title: X\nSlug: {name}\n\nText.\n"})
    assert problem.startswith(f"content/pages/x.md:2: Slug: /{name}/ is the address of ")


def test_hidden_pages_keep_their_address_and_drafts_are_not_written(tmp_path):
    content = make_content(
        tmp_path,
        {
            "pages/draft.md": "Title: Draft\nStatus: draft\n\nText.\n",
            "pages/hidden.md": "Title: Hidden\nStatus: hidden\n\nText.\n",
        },
    )
    output = build_site(content, tmp_path / "output")
    assert soup(output / "hidden" / "index.html").find("h1")
    assert not (output / "drafts").exists() and not (output / "draft").exists()


def test_a_title_that_makes_a_taken_address_is_reported_at_the_title(tmp_path):
    (problem,) = _problems(tmp_path, {"pages/x.md": "Summary: S\nTitle: Working groups\n\nT.\n"})
    assert problem.startswith("content/pages/x.md:2: Slug: /working-groups/ is the address of")


@pytest.mark.parametrize("name", ["sitemap.xml", "robots.txt", "_headers", "favicon.ico"])
def test_a_save_as_cannot_replace_a_file_the_site_writes(tmp_path, name):
    files = {"pages/x.md": f"Title: X\nSave_as: {name}\n\nText.\n", "extra/favicon.ico": "icon"}
    (problem,) = _problems(
        tmp_path,
        files,
        STATIC_PATHS=["extra"],
        EXTRA_PATH_METADATA={"extra/favicon.ico": {"path": "favicon.ico"}},
    )
    assert problem.startswith(f"content/pages/x.md:2: Save_as: /{name} is the address of ")


def test_a_renamed_plugin_folder_is_the_one_reserved(tmp_path):
    page = {"pages/x.md": "Title: X\nSlug: groups\n\nText.\n"}
    (problem,) = _problems(tmp_path, page, CHARTERS_URL="groups/")
    assert "/groups/ is the address of the working groups" in problem
    (tmp_path / "content" / "pages" / "x.md").write_text("Title: X\nSlug: working-groups\n\nT.\n")
    build_site(tmp_path / "content", tmp_path / "output", CHARTERS_URL="groups/")


def test_a_page_and_a_news_post_on_one_address(tmp_path):
    problems = _problems(
        tmp_path,
        {
            "pages/a.md": "Title: A\nSave_as: shared/index.html\n\nA.\n",
            "news/b.md": "Title: B\nDate: 2026-11-20\nSave_as: shared/index.html\n\nB.\n",
            "news/c.md": "Title: C\nDate: 2026-11-20\nSave_as: news/index.html\n\nC.\n",
        },
    )
    assert problems == [
        "content/news/c.md:3: Save_as: /news/ is already the address of Pelican's INDEX_SAVE_AS"
        " file; write another 'Save_as:' in one of them",
        "content/pages/a.md:2: Save_as: /shared/ is already the address of content/news/b.md;"
        " write another 'Save_as:' in one of them",
    ]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("Slug: ../index", "Slug: must be lower-case letters, digits and hyphens (got '../index')"),
        ("Slug: a/b", "Slug: must be lower-case letters, digits and hyphens (got 'a/b')"),
        ("Slug: About Us", "Slug: must be lower-case letters, digits and hyphens (got 'About Us')"),
        ("Save_as: ../..", "Save_as: must not go up a folder with '..' (got '../..')"),
        ("Save_as: /etc/passwd", "Save_as: must be a path inside the site"),
        ("Save_as: a\\b.html", "Save_as: must use '/' between folders"),
        ("URL: https://example.org/x", "URL: must be a path inside the site"),
        ("URL: a/../../b/", "URL: must not go up a folder with '..'"),
    ],
)
def test_a_path_out_of_the_site_is_refused_at_its_line(tmp_path, line, message):
    (problem,) = _problems(tmp_path, {"pages/x.md": f"Title: X\n{line}\n\nText.\n"})
    assert problem.startswith(f"content/pages/x.md:2: {message}")


def test_guide_chapters_whose_titles_make_one_address(tmp_path):
    problems = _problems(
        tmp_path,
        {
            "guide/a.md": "Title: Running a canvass\nChapter: 1\n\nA.\n",
            "guide/b.md": "Chapter: 2\nTitle: Running a Canvass!\nStatus: planned\n",
        },
    )
    assert problems == [
        "content/guide/b.md:2: slug: /guide/running-a-canvass/ is already the address of"
        " content/guide/a.md; write a different 'Slug:' in one of them"
    ]


def test_a_charter_slug_taken_by_another_is_reported_at_its_slug_line(tmp_path):
    charter = "Working group: {}\nChapter: C\nStatus: proposed\nReports to: C\n{}\n1. Text.\n"
    problems = _problems(
        tmp_path,
        {
            "charters/a.md": charter.format("Housing", "Slug: health\n"),
            "charters/b.md": charter.format("Health", ""),
        },
    )
    assert problems == [
        "content/charters/b.md:1: slug: /working-groups/health/ is already the address of"
        " content/charters/a.md; write a different 'Slug:' in one of them"
    ]
