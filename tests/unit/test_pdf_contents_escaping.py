"""The onboarding pack's table of contents and cover show heading text and the site address as text, never as markup."""
from lxml import html

from tillit import pdfs as build_pdfs


class FakePart:
    """What assemble() reads of a page: its address, title, sections and finished HTML."""
    slug = "risker"
    title = "Risker & <möjligheter>"
    url = "https://intranat.example.se/a?b=1&c=<2>"
    stylesheets = []
    sections = [("tva", "Två < tre & mer")]

    def anchor(self, fragment=""):
        return f"{self.slug}--{fragment}" if fragment else self.slug

    def finish(self, parts_by_url):
        return "<section class='tillit-part'></section>"


def test_heading_text_with_ampersand_and_angle_brackets_stays_text():
    doc = html.fromstring(build_pdfs.assemble("sv", [FakePart()], {"risker": 3}, "logo.svg"))
    titles = [t.text_content() for t in doc.xpath("//*[@class='tillit-toc__title']")]
    assert titles == ["Risker & <möjligheter>", "Två < tre & mer"]
    assert not doc.xpath("//möjligheter")
    assert doc.xpath("//section[@class='tillit-cover']//a/@href") == [FakePart.url]
