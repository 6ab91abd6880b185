"""The browser editor's forms follow the models, and /admin/ is built apart from the site.

``schemas/cms.yml`` is generated from the same pydantic models the build validates
with: these tests fail when a model changes without ``invoke schemas``, and check that
each form's fields, required fields and choices are the model's. The built ``/admin/``
is checked as a reader of the output would: its own policy, no index, in no sitemap,
and a site built without the bundle still builds. The Markdown format the editor writes
(``cms-setup.js``) is read back with the build's own header reader.
"""

from __future__ import annotations

import json
from pathlib import Path
import shutil
import subprocess

import pytest
import yaml

from cms.config import CONFIG_FILE, collections, render
from cms.plugin import BUNDLE_FILES, CMS_DEFAULTS
from deploying import parse_headers
from events.entry import EVENT_TYPES, EventEntry
from questionnaires.model import CandidateFields
from site_core.metadata import read_markdown_file
from site_core.problems import ProblemReport
from sitebuild import ROOT, build_site, make_content, soup

COMMITTED = ROOT / "schemas" / CONFIG_FILE
HAS_BUNDLE = (Path(CMS_DEFAULTS["CMS_BUNDLE"]) / "decap-cms.js").is_file()
needs_bundle = pytest.mark.skipif(not HAS_BUNDLE, reason="Decap CMS is not installed (npm ci)")


def collection(name: str) -> dict:
    """One collection of the committed configuration."""
    committed = yaml.safe_load(COMMITTED.read_text(encoding="utf-8"))
    (found,) = [c for c in committed["collections"] if c["name"] == name]
    return found


def test_the_committed_configuration_is_generated_from_the_models():
    assert COMMITTED.read_text(encoding="utf-8") == render({"collections": collections()}), (
        "a model changed: run `invoke schemas` and commit schemas/cms.yml"
    )


@pytest.mark.parametrize("name", ["events", "private_meetings"])
def test_the_event_forms_are_the_model(name):
    fields = {f["name"]: f for f in collection(name)["fields"]}
    model = EventEntry.model_fields
    assert set(fields) <= set(model)  # nothing the build would refuse as unknown
    required = {n for n, f in fields.items() if f.get("required", True)}
    assert required == {n for n, f in model.items() if f.is_required()}
    assert fields["type"]["options"] == list(EVENT_TYPES)
    assert fields["title"]["hint"] == model["title"].description
    assert fields["rsvp"]["pattern"][0].startswith("^https?://")
    assert "an end before the start" in fields["end"]["hint"]


def test_the_private_meeting_form_has_no_address_and_sets_it_private():
    private = collection("private_meetings")
    fields = {f["name"]: f for f in private["fields"]}
    assert "address" not in fields
    assert fields["address_private"] == {**fields["address_private"], "widget": "hidden"}
    assert fields["address_private"]["default"] is True
    assert private["filter"] == {"field": "address_private", "value": True}
    public = {f["name"]: f for f in collection("events")["fields"]}
    assert public["address_private"]["default"] is False and "address" in public


def test_the_answer_sheet_form_warns_about_personal_contacts_and_can_rescind():
    sheets = collection("answer_sheets")
    fields = {f["name"]: f for f in sheets["fields"]}
    assert set(fields) - {"body"} == set(CandidateFields.model_fields)
    assert "phone number" in fields["body"]["hint"] and "e-mail" in fields["body"]["hint"]
    endorsement = {f["name"]: f for f in fields["endorsement"]["fields"]}
    assert "rescinded" in endorsement["status"]["options"]
    assert {"rescinded", "reason"} <= set(endorsement)


def test_every_kind_of_content_has_a_form():
    folders = {c.get("folder") for c in collections()}
    assert {"content/events", "content/news", "content/pages", "content/guide"} <= folders
    assert {"content/charters", "content/questionnaires"} <= folders
    files = [f["file"] for c in collections() for f in c.get("files", ())]
    assert files == ["content/chapter.yml"]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """The sample site, built with /admin/."""
    output = tmp_path_factory.mktemp("cms") / "output"
    return build_site(ROOT / "content", output, SEARCH_INDEX=False, CMS_ADMIN=True)


@needs_bundle
def test_admin_has_its_own_policy_and_is_not_indexed(built):
    page = soup(built / "admin" / "index.html")
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex, nofollow"
    policy = page.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert "'unsafe-eval'" in policy and "frame-ancestors" not in policy
    site_policy = soup(built / "index.html").find(
        "meta", attrs={"http-equiv": "Content-Security-Policy"}
    )["content"]
    assert "'unsafe-eval'" not in site_policy and "'unsafe-inline'" not in site_policy
    rules = dict(parse_headers((built / "_headers").read_text(encoding="utf-8")))
    admin = rules["/admin/*"]
    assert "! Content-Security-Policy" in admin  # detach the site-wide one first
    assert admin["Content-Security-Policy"].startswith(policy)
    assert "/admin/" not in (built / "sitemap.xml").read_text(encoding="utf-8")
    stylesheet = page.find("script", src="cms-setup.js")["data-stylesheet"]
    assert (built / stylesheet.lstrip("/")).is_file()  # the preview uses the site's CSS


@needs_bundle
def test_admin_configuration_names_the_chapter_repository(built):
    config = yaml.safe_load((built / "admin" / "config.yml").read_text(encoding="utf-8"))
    chapter = yaml.safe_load((ROOT / "content" / "chapter.yml").read_text(encoding="utf-8"))
    assert chapter["repository_url"].endswith("/" + config["backend"]["repo"])
    assert config["publish_mode"] == "editorial_workflow"
    assert config["local_backend"]["url"].startswith("http://127.0.0.1:")
    assert config["collections"] == yaml.safe_load(COMMITTED.read_text())["collections"]
    shipped = sorted(p.name for p in (built / "admin").iterdir())
    assert "decap-cms.js" in shipped and not any(n.endswith(".map") for n in shipped)


def test_without_the_bundle_the_site_builds_without_admin(tmp_path, caplog):
    content = make_content(tmp_path, {"pages/a.md": "Title: A\nSlug: a\nSummary: S.\n\nText.\n"})
    missing = str(tmp_path / "none")
    output = build_site(
        content, tmp_path / "output", SEARCH_INDEX=False, CMS_ADMIN=True, CMS_BUNDLE=missing
    )
    assert (output / "a" / "index.html").is_file()
    assert not (output / "admin").exists()
    assert any("npm ci" in record.getMessage() for record in caplog.records)


def test_bundle_files_are_the_script_chunks_and_licence_not_source_maps():
    assert BUNDLE_FILES.match("decap-cms.js") and BUNDLE_FILES.match("977.decap-cms.js")
    assert BUNDLE_FILES.match("decap-cms.js.LICENSE.txt")
    assert not BUNDLE_FILES.match("decap-cms.js.map") and not BUNDLE_FILES.match("cms.js")


FORMAT_ROUND_TRIP = """
const fs = require("fs");
let format;
const CMS = { registerPreviewStyle() {}, registerEventListener() {} };
CMS.registerCustomFormat = (name, extension, functions) => { format = functions; };
global.window = { CMS };
global.document = { currentScript: { getAttribute() { return ""; } } };
require(process.argv[1]);
const files = JSON.parse(fs.readFileSync(0, "utf8"));
const out = {};
for (const [name, text] of Object.entries(files)) {
  const data = format.fromFile(text);
  data.summary = (data.summary || "") + "\\nsecond line: with a colon";
  out[name] = format.toFile(data);
}
process.stdout.write(JSON.stringify(out));
"""


@pytest.mark.skipif(shutil.which("node") is None, reason="Node is not installed")
def test_the_markdown_the_editor_writes_is_read_back_by_the_build(tmp_path):
    sources = sorted(ROOT.glob("content/*/*.md"))
    sources = [p for p in sources if "questionnaires" not in p.parts]
    files = {p.name: p.read_text(encoding="utf-8") for p in sources}
    script = ROOT / "plugins" / "cms" / "admin" / "cms-setup.js"
    result = subprocess.run(
        ["node", "-e", FORMAT_ROUND_TRIP, str(script)],
        input=json.dumps(files),
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    for name, text in json.loads(result.stdout).items():
        before, after = tmp_path / f"before-{name}", tmp_path / f"after-{name}"
        before.write_text(files[name], encoding="utf-8")
        after.write_text(text, encoding="utf-8")
        report = ProblemReport(tmp_path)
        old_header, old_body, _ = read_markdown_file(before, report)
        new_header, new_body, _ = read_markdown_file(after, report)
        assert report.problems == []
        assert dict(new_header) == {
            **old_header,
            "summary": (old_header.get("summary", "") + " second line: with a colon").strip(),
        }
        assert new_body.strip() == old_body.strip()
