"""charters: working-group charters, one Markdown file each in ``content/charters/``.

Writes ``/working-groups/`` (every charter with its status) and one page per
charter (``/working-groups/<slug>/``) with its metadata, its text, and, when
an ``events`` plugin has put events into the context, the group's events.
"""

from __future__ import annotations

from pathlib import Path

from pelican import signals
from pelican.generators import Generator

from site_core.addresses import AddressBook, top_level
from site_core.contentfiles import content_files
from site_core.editor_html import convert
from site_core.metadata import markdown_converter, read_and_validate
from site_core.slugs import address_field, slugify

from .model import LISTING_ORDER, Charter, CharterHeader

#: Defaults; override any of them in pelicanconf.py.
CHARTERS_DEFAULTS = {
    "CHARTERS_PATH": "charters",  # folder under content/, one file per charter
    "CHARTERS_URL": "working-groups/",  # where the listing and the charters live
}


def _setting(settings: dict, name: str):
    return settings.get(name, CHARTERS_DEFAULTS[name])


def read_charter(path: Path, settings: dict, converter) -> tuple[Charter, dict] | None:
    """Read and validate one charter file: (charter, its header); problems go to the report."""
    report = settings["SITE_PROBLEMS"]
    read = read_and_validate(path, CharterHeader, report)
    if read is None:
        return None
    header, fields, body, body_line = read
    if header.status == "proposed" and header.adopted:
        report.error(
            path,
            fields.line_of("adopted"),
            "adopted",
            "a proposed charter has no adoption date",
            "remove the 'Adopted:' line, or write 'Status: adopted'",
        )
        return None
    if not body.strip():
        report.error(path, body_line, None, "has no charter text", "write it below the fields")
        return None
    slug = header.slug or slugify(header.working_group)
    base = _setting(settings, "CHARTERS_URL")
    charter = Charter(
        working_group=header.working_group,
        chapter=header.chapter,
        status=header.status,
        adopted=header.adopted,
        reports_to=header.reports_to,
        summary=header.summary,
        slug=slug,
        content=convert(converter, body, report, path, body_line),
        url=f"{base}{slug}/",
        save_as=f"{base}{slug}/index.html",
    )
    return charter, fields


class ChartersGenerator(Generator):
    """Read content/charters/*.md; write the working-groups page and one page per charter."""

    def generate_context(self):
        """Read and validate every charter; publish ``charters`` into the context."""
        folder = Path(self.path) / _setting(self.settings, "CHARTERS_PATH")
        report = self.settings["SITE_PROBLEMS"]
        converter = markdown_converter(self.settings)
        addresses = AddressBook(report)
        charters: list[Charter] = []
        for path in content_files(folder, ["*.md"], report, self.settings["IGNORE_FILES"]):
            read = read_charter(path, self.settings, converter)
            if read is None:
                continue
            charter, fields = read
            if addresses.claim(
                charter.save_as,
                report.relative(path),
                path,
                address_field(fields, "slug", "working group")[1],
                "slug",
                "write a different 'Slug:' in one of them",
            ):
                charters.append(charter)
        self.charters = sorted(
            charters, key=lambda c: (LISTING_ORDER.index(c.status), c.working_group)
        )
        self.context["charters"] = self.charters
        self.context["CHARTERS_URL"] = _setting(self.settings, "CHARTERS_URL")

    def top_level_paths(self) -> dict[str, str]:
        """The folder of the site the charters are in (site_core's address check)."""
        return {top_level(_setting(self.settings, "CHARTERS_URL")): "the working groups"}

    def generate_output(self, writer):
        """Write the listing and every charter's page."""
        if not self.charters:
            return
        base = _setting(self.settings, "CHARTERS_URL")
        writer.write_file(
            f"{base}index.html",
            self.get_template("charters/index"),
            self.context,
            charters=self.charters,
        )
        template = self.get_template("charters/charter")
        for charter in self.charters:
            writer.write_file(charter.save_as, template, self.context, charter=charter)


def get_generators(pelican):
    """Add the charters' generator to Pelican's."""
    return ChartersGenerator


def register():
    """Connect the charters to Pelican."""
    signals.get_generators.connect(get_generators)
