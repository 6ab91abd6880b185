"""Questionnaires on the sample site: every view, parsed, and the rules that shape them."""

from __future__ import annotations

from sitebuild import soup

BASE = "candidates/2027-spring-election"
QUESTION_IDS = ["medicare-for-all", "health-justice", "corporate-money", "housing", "grassroots"]
CANDIDATES = ["jo-placeholder", "maria-exampleton", "tom-sampleman"]


def text(node) -> str:
    """The visible text of a node, whitespace collapsed."""
    return " ".join(node.get_text().split())


def test_index_lists_questionnaires_by_election_with_status_words(sample_site):
    page = soup(sample_site / "candidates" / "index.html")
    assert text(page.find("h1")) == "Candidates and endorsements"
    election = page.select_one("main section h2")
    assert text(election) == "2027 Spring Election, Tuesday, April 6, 2027"
    assert election.find("time")["datetime"] == "2027-04-06"
    rows = {
        li.a["href"]: text(li.select_one(".badge")) for li in page.select("main .candidate-list li")
    }
    assert rows == {
        f"/{BASE}/jo-placeholder/": "Endorsement rescinded",
        f"/{BASE}/maria-exampleton/": "Endorsed",
        f"/{BASE}/tom-sampleman/": "Not endorsed",
    }
    assert page.select_one('nav a[aria-current="page"]')["href"] == "/candidates/"


def test_questionnaire_page_has_candidates_status_rescinded_notice_and_questions(sample_site):
    page = soup(sample_site / BASE / "index.html")
    assert text(page.find("h1")) == "Common Council endorsement questionnaire"
    race = page.find(id="common-council-district-12")
    assert text(race) == "Common Council, District 12"
    cards = race.find_parent("section").select(".card")
    assert [text(c.h3) for c in cards] == ["Jo Placeholder", "Maria Exampleton", "Tom Sampleman"]
    badges = [c.select_one(".badge") for c in cards]
    assert [b["class"] for b in badges] == [["badge", "bad"], ["badge", "ok"], ["badge"]]
    assert "Answered 4 of 5 questions" in text(cards[2])
    # The rescinded endorsement comes before the candidates, with its date and reason.
    notice = page.select_one("main .callout.rescinded")
    assert notice.sourceline < race.sourceline
    assert notice.find("time")["datetime"] == "2026-11-19"
    assert "insurance industry PACs" in text(notice)
    questions = page.select("#questions ~ ol li")
    assert len(questions) == 5
    assert text(questions[0]).startswith("Do you support single-payer Medicare for All?")
    assert page.select_one(".actions a")["href"] == f"/{BASE}/compare/"


def test_candidate_page_answers_in_order_with_permalinks(sample_site):
    page = soup(sample_site / BASE / "maria-exampleton" / "index.html")
    headings = page.select("main section.qa > h3")
    assert [h["id"] for h in headings] == QUESTION_IDS
    assert [h.a["href"] for h in headings] == [f"#{q}" for q in QUESTION_IDS]
    assert [text(h.a) for h in headings] == [f"Question {n}" for n in range(1, 6)]
    first = headings[0].find_parent("section")
    assert text(first.select_one(".answer")).startswith("Yes, without conditions.")
    items = headings[1].find_parent("section").select(".answer li")
    assert text(items[0]) == "Put a public health nurse in every neighborhood center."
    facts = {
        text(dt): dd
        for dt, dd in zip(page.select(".facts dt"), page.select(".facts dd"), strict=True)
    }
    assert text(facts["Endorsement"]) == "Endorsed"
    assert facts["Website"].a["href"] == "https://maria-exampleton.example.org/"
    # The public campaign number stays: the sheet marks that answer as public contact.
    assert "(608) 555-0134" in text(page.find(id="grassroots").find_parent("section"))


def test_skipped_question_shows_no_answer(sample_site):
    page = soup(sample_site / BASE / "tom-sampleman" / "index.html")
    section = page.find(id="corporate-money").find_parent("section")
    assert text(section.select_one(".no-answer")) == "No answer"
    assert section.select_one(".answer") is None
    assert len(page.select("main .no-answer")) == 1


def test_candidate_page_sharing_meta(sample_site):
    head = soup(sample_site / BASE / "jo-placeholder" / "index.html").head
    assert head.find("meta", property="og:type")["content"] == "article"
    assert head.find("meta", property="og:title")["content"] == (
        "Jo Placeholder answers our questionnaire (Endorsement rescinded)"
    )
    assert head.find("meta", property="og:url")["content"] == (
        f"https://m4a.madisondsa.org/{BASE}/jo-placeholder/"
    )
    assert "Common Council, District 12" in head.find("meta", property="og:description")["content"]
    assert head.find("meta", property="article:published_time")["content"] == "2026-10-14"
    assert head.find("meta", property="article:modified_time")["content"] == "2026-11-19"


def test_rescinded_candidate_page_shows_notice_and_history(sample_site):
    page = soup(sample_site / BASE / "jo-placeholder" / "index.html")
    notice = page.select_one("main .callout.rescinded")
    assert notice["aria-labelledby"] == "rescinded"
    assert notice.sourceline < page.find(id="answers").sourceline  # before the answers
    assert [t["datetime"] for t in notice.find_all("time")] == ["2026-11-19", "2026-11-05"]
    steps = page.select("#history ~ ol li")
    assert [li.time["datetime"] for li in steps] == [
        "2026-10-05",
        "2026-10-14",
        "2026-11-05",
        "2026-11-19",
    ]
    assert text(steps[-1]).startswith(
        "Thursday, November 19, 2026: Endorsement rescinded. Why: Campaign"
    )
    assert text(page.select_one(".facts .badge")) == "Endorsement rescinded"


def test_comparison_has_one_list_per_question_with_every_candidate(sample_site):
    page = soup(sample_site / BASE / "compare" / "index.html")
    race = page.find(id="common-council-district-12").find_parent("section")
    blocks = race.select("section.qa")
    assert [b.h3["id"] for b in blocks] == [f"common-council-district-12-{q}" for q in QUESTION_IDS]
    for block, qid in zip(blocks, QUESTION_IDS, strict=True):
        items = block.select("ul.compare > li")
        assert [text(li.h4) for li in items] == [
            "Jo Placeholder",
            "Maria Exampleton",
            "Tom Sampleman",
        ]
        assert [li.h4.a["href"] for li in items] == [f"/{BASE}/{c}/#{qid}" for c in CANDIDATES]
    skipped = blocks[2].select("ul.compare > li")[2]
    assert text(skipped.select_one(".no-answer")) == "No answer"


def test_home_page_lists_endorsements_with_the_rescinded_one_prominent(sample_site):
    page = soup(sample_site / "index.html")
    section = page.find(id="endorsements-heading").find_parent("section")
    items = section.select("ul.endorsements > li")
    assert len(items) == 2  # the endorsed and the rescinded; not the candidate not endorsed
    rescinded = items[0].select_one(".callout.rescinded")
    assert text(rescinded.h3) == "Endorsement of Jo Placeholder rescinded"
    assert rescinded.time["datetime"] == "2026-11-19"
    assert "Why: Campaign finance filings" in text(rescinded)
    assert text(items[1].select_one(".badge")) == "Endorsed"
    assert items[1].a["href"] == f"/{BASE}/maria-exampleton/"


def test_every_view_is_in_the_sitemap_and_nav(sample_site):
    sitemap = (sample_site / "sitemap.xml").read_text()
    for path in ["candidates/", f"{BASE}/", f"{BASE}/compare/"] + [
        f"{BASE}/{c}/" for c in CANDIDATES
    ]:
        assert f"<loc>https://m4a.madisondsa.org/{path}</loc>" in sitemap
    labels = [text(a) for a in soup(sample_site / "about" / "index.html").select("nav a")]
    assert "Candidates" in labels


def test_answer_sheets_are_not_read_as_pages(sample_site):
    """Pelican's own readers never publish the Markdown files of content/questionnaires/."""
    written = [p.relative_to(sample_site).as_posix() for p in sample_site.rglob("*")]
    outside = [p for p in written if not p.startswith(("candidates/", "es/candidates/"))]
    assert not [p for p in outside if any(name in p for name in [*CANDIDATES, "questionnaire"])]
