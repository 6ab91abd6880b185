"""A clean start for a new chapter (``invoke new-chapter``): its chapter.yml, and no sample.

The sample's chapter-specific content (events, candidates, the charter, news) is
removed; the home and about pages, which name the chapter, are rewritten from the
answers, in English and in Spanish (the kit's site is in both, as the sample is: the
Spanish pages are drafts, stamped with their original's digest; any other translation of
them is removed). The national explainer and the organizing guide are kept, with their
translations: they name no chapter.
"""

from __future__ import annotations

from pathlib import Path
import shutil

from .ask import Question
from .chapter import Chapter
from .i18n import SiteLanguages
from .page_translations import stamp
from .scaffold import yaml_text
from .translations import language_of_file
from .validation import field_check

#: The sample's chapter-specific content, relative to content/: removed by a fork.
SAMPLE = ("events", "questionnaires", "charters", "news")


def _check(name: str):
    return field_check(Chapter, name)


#: What a new chapter is asked, in the order of chapter.yml.
QUESTIONS = [
    Question("name", "The chapter's name, e.g. 'Springfield DSA'", _check("name"), required=True),
    Question("city", "Its city", _check("city"), required=True),
    Question("region", "Its state or region, e.g. 'Illinois'", _check("region"), required=True),
    Question(
        "timezone",
        "Timezone of its events (an IANA name)",
        _check("timezone"),
        required=True,
        default="America/New_York",
    ),
    Question(
        "volunteer_url",
        "Volunteer sign-up link (https://...)",
        _check("volunteer_url"),
        required=True,
    ),
    Question("contact_email", "Contact e-mail address", _check("contact_email"), required=True),
    Question(
        "site_url", "The site's public address (https://...)", _check("site_url"), required=True
    ),
]

CHAPTER_FILE = """\
# yaml-language-server: $schema=../schemas/chapter.schema.json
#
# The chapter's identity. Forking the site for another chapter starts here:
# change these lines, then the pages in content/. Every field is explained in
# README.md ("The chapter file").

{name}campaign: Medicare for All
{city}{region}
# The state single-payer campaign the chapter supports (optional): uncomment and fill in.
# state_campaign:
#   name: The state campaign's name
#   url: https://example.org/
#   summary: >-
#     One or two sentences on the state campaign.

# Where the "Volunteer" buttons go: the chapter's sign-up form.
{volunteer_url}{contact_email}
# The address the site is published at (used for canonical links, feeds, the sitemap).
{site_url}
# The timezone events are in unless they say otherwise, the site's language, and the
# country (two-letter code; with the city and region, it completes event addresses).
{timezone}language: en
country: US

# The other languages the site is published in, each under its own folder (/es/), with the
# chapter's own words in that language. For a site in English only, delete these lines
# and the translated pages (content/pages/*.es.md).
translations:
  es:
    campaign: Medicare para Todos

# The working group's contacts, shown on the About page (optional):
# contacts:
#   - name: A contact's name
#     role: What they do
"""

HOME = """\
Title: Medicare for All in {city}
Slug: home
Save_as: index.html
URL:
Template: home
Summary: {name} organizes for Medicare for All. Come to an event and help win health care.

Everyone will be covered by one public health program, free at the point of service:
no copays, no fees, no deductibles and no premiums. Ever.

Winning it takes a mass political movement, built by connecting with our neighbors in
their neighborhoods, town halls and workplaces. That is what we do, and we need you with us.
"""

ABOUT = """\
Title: About the Medicare for All Working Group
Slug: about
Template: about
Summary: {name}’s Medicare for All Working Group: what we work for, how we work, and how to join.

The Medicare for All Working Group of {name} campaigns for single-payer health care in {city}.

## What we work for

- We work to decommodify medical care by advocating for a single payer program, Medicare for All.
- We work to build awareness, knowledge, and organizational activity about Medicare for All.

## How we work

- We conduct regular neighborhood canvassing events to educate about and build support
  for Medicare for All.
- We contact, build rapport with, and pressure local and state representatives.
"""


HOME_ES = """\
Title: Medicare para Todos en {city}
Translation-Status: draft
Summary: {name} se organiza por Medicare para Todos. Ven a un evento y súmate a la lucha.

Todas las personas estarán cubiertas por un solo programa público de salud, gratuito en el
punto de atención: sin copagos, sin cargos, sin deducibles y sin primas. Nunca.

Para conquistarlo hace falta un movimiento político de masas, construido conectando con
nuestros vecinos en sus barrios, en asambleas comunitarias y en sus lugares de trabajo. Eso es
lo que hacemos, y te necesitamos con nosotros.
"""

ABOUT_ES = """\
Title: Sobre el Grupo de Trabajo de Medicare para Todos
Translation-Status: draft
Summary: El Grupo de Trabajo de Medicare para Todos de {name}: qué hacemos y cómo sumarte.

El Grupo de Trabajo de Medicare para Todos de {name} hace campaña por una atención médica de
pagador único en {city}.

## Para qué trabajamos

- Trabajamos para desmercantilizar la atención médica impulsando un programa de pagador
  único: Medicare para Todos.
- Trabajamos para generar conciencia, conocimiento y actividad organizativa en torno a
  Medicare para Todos.

## Cómo trabajamos

- Organizamos con regularidad jornadas de visitas puerta a puerta en los barrios para informar
  sobre Medicare para Todos y sumar apoyo.
- Contactamos a representantes locales y estatales, construimos una relación con ellos y
  los presionamos.
"""

#: The pages that name the chapter: (file, its text, its Spanish text), rewritten by a fork.
PAGES = (("home.md", HOME, HOME_ES), ("about.md", ABOUT, ABOUT_ES))


def chapter_text(answers: dict[str, str]) -> str:
    """chapter.yml for ``answers``, with the sample's comments; every value safely quoted."""
    lines = {name: yaml_text({name: answers[name]}) for name in answers}
    return CHAPTER_FILE.format(**lines)


def _page_field(text: str) -> str:
    """A value for a ``Field: value`` line: one line, as given."""
    return " ".join(text.split())


def start_chapter(content: Path, answers: dict[str, str]) -> list[str]:
    """Turn ``content`` into a clean start for the chapter of ``answers``; say what changed.

    Stops (SystemExit, with what to do) before changing anything when ``content`` is not a
    content folder (a mistyped ``--content``).
    """
    if not (content / "pages").is_dir():
        raise SystemExit(
            f"{content}: is not a content folder (it has no pages/ folder); nothing was"
            " changed. Pass the site's content folder: --content content"
        )
    done = []
    for name in SAMPLE:
        folder = content / name
        if folder.exists():
            shutil.rmtree(folder)
            done.append(f"removed the sample's {name}: {folder}/")
    record = content / "addresses.yml"  # the sample's published addresses are not the fork's
    if record.exists():
        record.unlink()
        done.append(f"removed the record of the sample's published addresses: {record}")
    (content / "chapter.yml").write_text(chapter_text(answers), encoding="utf-8")
    done.append(f"wrote {content / 'chapter.yml'}")
    words = {name: _page_field(answers[name]) for name in ("name", "city")}
    languages = SiteLanguages("en", ("es",))
    for page, text, spanish in PAGES:
        path = content / "pages" / page
        for translation in sorted(path.parent.glob(f"{path.stem}.*{path.suffix}")):
            if language_of_file(translation, languages)[0] == path:  # about.fr.md: the sample's
                translation.unlink()
                done.append(f"removed {translation}")
        path.write_text(text.format(**words), encoding="utf-8")
        done.append(f"rewrote {path}")
        translation = path.with_name(f"{path.stem}.es{path.suffix}")
        translation.write_text(spanish.format(**words), encoding="utf-8")
        stamp(translation, languages)
        done.append(f"wrote {translation} (a draft: to be reviewed by a native speaker)")
    return done
