"""Event flyers printed by Chromium: one page in US Letter and in A4, and a QR code a
phone can read (rasterised by poppler's pdftoppm, decoded by zxing-cpp) that leads to
the event's page. The sample site's flyers, and a flyer made of everything too long."""

from __future__ import annotations

import io
from pathlib import Path
import shutil
import subprocess
import unicodedata

from PIL import Image
from pypdf import PdfReader
import pytest
import zxingcpp

from lighthouse_audit import serve
from sitebuild import build_site, make_content, soup

PAPER = {"Letter": (612, 792), "A4": (595.3, 841.9)}  # PDF points
SAMPLE_FLYER = "events/2026-12-10-medicare-for-all-town-hall-nurses-doctors-and-patients/"
LONG = "Medicare for All " * 20


def printed(browser, url: str, paper: str) -> bytes:
    """The page at ``url`` printed to PDF by Chromium, as a reader's Print command would."""
    page = browser.new_page()
    page.goto(url)
    pdf = page.pdf(format=paper)
    page.close()
    return pdf


def qr_codes(pdf: bytes, tmp_path: Path) -> list[str]:
    """The QR codes zxing-cpp reads on the PDF's first page, rasterised at 150 dpi."""
    if shutil.which("pdftoppm") is None:
        pytest.fail("pdftoppm is missing: run scripts/install-test-tools (poppler-utils)")
    source = tmp_path / "flyer.pdf"
    source.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", "150", "-png", "-singlefile", str(source), str(tmp_path / "flyer")],
        check=True,
    )
    found = zxingcpp.read_barcodes(Image.open(tmp_path / "flyer.png"))
    return [code.text for code in found if code.format == zxingcpp.BarcodeFormat.QRCode]


def assert_one_page_with_code(pdf: bytes, paper: str, url: str, tmp_path: Path) -> None:
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1, f"{paper}: {len(reader.pages)} pages"
    box = reader.pages[0].mediabox
    width, height = PAPER[paper]
    assert abs(box.width - width) < 2 and abs(box.height - height) < 2, (paper, box)
    assert qr_codes(pdf, tmp_path) == [url]


@pytest.mark.parametrize("paper", sorted(PAPER))
def test_the_sample_flyer_prints_on_one_page_with_a_code_to_the_event(
    browser, site_url, sample_site, paper, tmp_path
):
    flyer = soup(sample_site / SAMPLE_FLYER / "flyer" / "index.html")
    canonical = soup(sample_site / SAMPLE_FLYER / "index.html").find("link", rel="canonical")
    assert flyer.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    pdf = printed(browser, site_url + SAMPLE_FLYER + "flyer/", paper)
    assert_one_page_with_code(pdf, paper, canonical["href"], tmp_path)
    text = unicodedata.normalize("NFKC", PdfReader(io.BytesIO(pdf)).pages[0].extract_text())
    for words in ("Medicare for All town hall", "Thursday, December 10, 2026", "201 W Mifflin St"):
        assert words in " ".join(text.split()), words


@pytest.mark.parametrize("paper", sorted(PAPER))
def test_a_flyer_of_everything_too_long_still_fits_one_page(browser, tmp_path, paper):
    dates = "".join(f"\n    - 2026-12-{day:02} 18:00" for day in range(2, 28))
    events = (
        f"- title: {LONG}\n  type: town-hall\n  start: 2026-12-01 18:00\n  dates:{dates}\n"
        f"  location: {LONG}\n  address: {'1 Long Street ' * 10}, Springfield, IL 62701\n"
        f"  bring: {LONG}\n  accessibility: {LONG}\n  languages: {', '.join(['English'] * 30)}\n"
        f"  online: https://example.org/{'x' * 300}\n"
        f"  description: {LONG * 3}\n  slug: {'long-' * 30}end\n"
    )
    content = make_content(tmp_path, {"events/long.yml": events})
    output = build_site(content, tmp_path / "output")
    folder = next((output / "events").glob("*long-long*/"))
    page = f"events/{folder.name}/"
    with serve(output) as base:
        pdf = printed(browser, base + page + "flyer/", paper)
    assert_one_page_with_code(pdf, paper, f"https://m4a.example.org/{page}", tmp_path)
