"""Print the onboarding pack for elected officials: one PDF per language, from the built site.

Usage: python -m tillit.pdfs [SITE_DIR]        (default: site; `make build` runs it after mkdocs)

mkdocs.yml `extra.onboarding_pdf` names each language's PDF and its pages: their articles, links between them kept
inside, others pointing at site_url, a cover and contents, printed by Chromium (Playwright) twice so that the contents
get the page numbers of the first pass. static-i18n's print-site/to-pdf plugins make one PDF, in the last language.
`pdf_ua()` adds what PDF/UA-1 needs and Chromium's tagged PDF leaves out (pikepdf); tests/pdf/test_pdf_ua.py checks it.
"""
import contextlib
import copy
import sys
import tempfile
from html import escape
from pathlib import Path
from urllib.parse import urldefrag, urljoin

import pikepdf
from lxml import html
from lxml.html.builder import E
from playwright.sync_api import sync_playwright
from pypdf import PdfReader

from tillit import site

# Parts of a built page that make no sense on paper (the pack has its own address: cover, footers).
DROP = " | ".join([".//a[contains(@class,'headerlink')]", ".//button", ".//script"] + [
    f".//*[contains(@class,'{name}')]" for name in ("md-source-file", "md-content__button", "tillit-pdf", "md-tags",
                                                    "tillit-no-print", "tillit-print-address")])


class Part:
    """One page of the site, cut out of its built HTML and made ready to sit inside the pack."""

    def __init__(self, lang_root, md_path):
        self.file = lang_root / site.url_path(md_path) / "index.html"
        if not self.file.exists():
            sys.exit(f"build_pdfs: {self.file} is missing: build the site first (mkdocs build)")
        tree = html.fromstring(self.file.read_bytes())
        self.url = tree.xpath("//link[@rel='canonical']/@href")[0]
        self.slug = md_path.removesuffix(".md").replace("/", "-")
        self.article = tree.xpath("//article")[0]
        for node in self.article.xpath(DROP):
            node.drop_tree()
        self.title = self.article.xpath(".//h1")[0].text_content().strip()
        self.ids = set(self.article.xpath(".//@id"))
        self.sections = [(h.get("id"), h.text_content().strip()) for h in self.article.xpath(".//h2[@id]")]
        self.stylesheets = [urljoin(self.file.as_uri(), href) for href in tree.xpath("//link[@rel='stylesheet']/@href")]

    def anchor(self, fragment=""):
        return f"{self.slug}--{fragment}" if fragment in self.ids else self.slug

    def finish(self, parts_by_url):
        """The pack's article: unique ids, links to a part (this one too) inside, others absolute, details open."""
        article = copy.deepcopy(self.article)
        for value in article.xpath(".//@id | .//label/@for"):
            value.getparent().set(value.attrname, self.anchor(value))
        h1 = article.xpath(".//h1")[0]
        h1.set("id", self.slug)
        for a in article.xpath(".//a[@href]"):
            target, fragment = urldefrag(urljoin(self.url, a.get("href")))
            if target in parts_by_url:
                a.set("href", "#" + parts_by_url[target].anchor(fragment))
                continue
            a.set("href", urljoin(self.url, a.get("href")))
            if a.xpath("ancestor::p | ancestor::li | ancestor::td | ancestor::dd"):
                a.set("data-print-href", a.get("href"))
        for img in article.xpath(".//img[@src]"):
            img.set("src", urljoin(self.file.as_uri(), img.get("src")))
        for details in article.xpath(".//details"):
            details.set("open", "")
        h1.addnext(E.p({"class": "tillit-part__url"}, self.url))
        article.tag = "div"
        return html.tostring(E.section({"class": "tillit-part"}, article), encoding="unicode")


def toc_entry(href, title, pages):
    return (f'<a href="#{escape(href)}"><span class="tillit-toc__title">{escape(title)}</span>'
            f'<span class="tillit-toc__dots"></span><span class="tillit-toc__page">{pages.get(href, "")}</span></a>')


def assemble(lang, parts, pages, logo):
    words = site.strings(lang)["pdf"]                            # locales/<lang>.yml, key pdf
    t = {key: escape(value) for key, value in words.items()}      # for HTML
    css = {key: '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
           for key, value in words.items()}                      # for CSS strings
    toc = "".join(f"<li>{toc_entry(part.slug, part.title, pages)}<ol>"
                  + "".join(f"<li>{toc_entry(part.anchor(i), title, pages)}</li>" for i, title in part.sections)
                  + "</ol></li>" for part in parts)
    home = escape(parts[0].url)
    footer = f'{css["page"]} " " counter(page) " " {css["of"]} " " counter(pages)'
    # pack.css sits beside tillit.css and no web page loads it: the pack's own print rules
    pack_css = [urljoin(href, "pack.css") for href in parts[0].stylesheets if href.endswith("/tillit.css")]
    styles = "\n".join(f'<link rel="stylesheet" href="{href}">' for href in [*parts[0].stylesheets, *pack_css])
    body = "\n".join(part.finish({p.url: p for p in parts}) for part in parts)
    return f"""<!doctype html>
<html lang="{lang}" dir="ltr"><head><meta charset="utf-8"><title>{t["title"]}</title>
{styles}
<style>
  @page {{ size: A4; margin: 18mm 17mm 20mm;
    @bottom-left {{ content: {css["title"]}; font: 8.5pt system-ui, sans-serif; color: #333; }}
    @bottom-right {{ content: {footer}; font: 8.5pt system-ui, sans-serif; color: #000; }} }}
  @page :first {{ @bottom-left {{ content: none; }} @bottom-right {{ content: none; }} }}
</style></head>
<body class="tillit-pack" dir="ltr" data-md-color-scheme="default" \
data-md-color-primary="custom" data-md-color-accent="custom">
<div class="md-typeset">
<section class="tillit-cover">
  <img src="{logo}" alt="">
  <h1>{t["title"]}</h1>
  <p class="tillit-cover__lead">{t["lead"]}</p>
  <p class="tillit-cover__meta">{t["online"]}<br><a href="{home}">{home}</a><br>
     {t["printed"]} {site.local_time().date().isoformat()}</p>
</section>
<nav class="tillit-toc"><h2>{t["contents"]}</h2><ol>{toc}</ol></nav>
{body}
</div></body></html>"""


# Content-stream operators that put something on the page (text, images and forms, paths, shadings).
PAINT = {"Tj", "TJ", "'", '"', "Do", "sh", "f", "F", "f*", "B", "B*", "b", "b*", "S", "s", "INLINE IMAGE"}


def _artifact_untagged(pdf, page):
    """Wrap painting outside marked content in /Artifact BMC … EMC: only CSS's footers, link addresses and icons."""
    out, run, depth = [], [], 0

    def flush():
        if any(str(op) in PAINT for _, op in run):
            run.insert(0, pikepdf.ContentStreamInstruction([pikepdf.Name.Artifact], pikepdf.Operator("BMC")))
            run.append(pikepdf.ContentStreamInstruction([], pikepdf.Operator("EMC")))
        out.extend(run)
        run.clear()

    for instruction in pikepdf.parse_content_stream(page):
        op = str(instruction.operator) if hasattr(instruction, "operator") else "INLINE IMAGE"
        if depth == 0 and op != "EMC":
            if op not in ("BDC", "BMC"):
                run.append(instruction)
                continue
            flush()
        depth += 1 if op in ("BDC", "BMC") else -1 if op == "EMC" else 0
        out.append(instruction)
    flush()
    page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(out))


def _kids(element):
    k = element.get("/K")
    return [] if k is None else list(k) if isinstance(k, pikepdf.Array) else [k]


def _is_element(node, kind=None):
    return isinstance(node, pikepdf.Dictionary) and "/S" in node and kind in (None, node.S)


def _fix_structure(pdf, node):
    """PDF/UA (ISO 32000 14.8.4.3.3): a list item holds Lbl and LBody; Chromium puts the body's parts in the LI itself.
    An HTML <figure> around a picture with its text alternative (tillit/figures.py) comes out as a /Figure holding that
    /Figure and its /Caption; only the inner one is the picture, so the outer one becomes a grouping /Div.
    """
    for element in [kid for kid in _kids(node) if _is_element(kid)]:   # each element before its children
        kids = _kids(element)
        label = [k for k in kids if _is_element(k, "/Lbl")]
        body = [k for k in kids if not _is_element(k, "/Lbl")]
        # an LI without a body, or with marked content straight in it (its parent tree entry would need moving), stays
        if element.S == "/LI" and body and all(_is_element(k) for k in body):
            lbody = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructElem, S=pikepdf.Name.LBody,
                                                         P=element, K=pikepdf.Array(body)))
            for kid in body:
                kid.P = lbody
            element.K = pikepdf.Array(label + [lbody])
        elif element.S == "/Figure" and "/Alt" not in element and any(_is_element(k, "/Figure") and "/Alt" in k
                                                                       for k in kids):
            element.S = pikepdf.Name.Div
        _fix_structure(pdf, element)


def pdf_ua(path, lang, title, described):
    """Make Chromium's tagged PDF meet PDF/UA-1's machine-checkable part; described: {dest: its text}."""
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        pdf.Root.Lang = lang
        pdf.docinfo.Title = title
        pdf.Root.ViewerPreferences = pikepdf.Dictionary(Type=pikepdf.Name.ViewerPreferences, DisplayDocTitle=True)
        with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
            meta.load_from_docinfo(pdf.docinfo)   # dc:title from /Title
            meta["dc:language"] = [lang]
            meta["pdfuaid:part"] = "1"
        for page in pdf.pages:
            _artifact_untagged(pdf, page)
            if "/Annots" in page.obj:
                page.obj.Tabs = pikepdf.Name.S   # tab order follows the structure (7.18.3)
                for annot in (a for a in page.obj.Annots if a.get("/Subtype") == "/Link"):
                    action = annot.get("/A") or {}
                    dest = str(annot.get("/Dest", action.get("/D", ""))).lstrip("/")
                    annot.Contents = str(action.URI) if action.get("/S") == "/URI" else described.get(dest, title)
        _fix_structure(pdf, pdf.Root.StructTreeRoot)
        pdf.save(path)


@contextlib.contextmanager
def chromium(script):
    if not Path(site.CHROMIUM).exists():
        sys.exit(f"{script}: Chromium not found at {site.CHROMIUM}: run `make browser` (or set CHROMIUM)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=site.CHROMIUM, args=site.chromium_args())
        yield browser
        browser.close()


def print_html(browser, document, out, outline=False):
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "print.html"
        source.write_text(document, encoding="utf-8")
        page = browser.new_page()
        page.goto(source.as_uri(), wait_until="load")
        page.pdf(path=str(out), prefer_css_page_size=True, print_background=True, outline=outline, tagged=True)
        page.close()


def print_pack(browser, lang, parts, logo, out):
    described = {p.anchor(i): t for p in parts for i, t in [("", p.title), *p.sections]}   # destination: what it is
    pages = {}
    for _ in range(3):   # numbers in the contents do not change its length, so the second pass is final
        print_html(browser, assemble(lang, parts, pages, logo), out, outline=True)
        reader = PdfReader(out)   # the page (from 1) of every named destination Chromium wrote for an element id
        found = {name.lstrip("/"): reader.get_destination_page_number(dest) + 1
                 for name, dest in reader.named_destinations.items()}
        if missing := [w for w in described if w not in found]:
            sys.exit(f"build_pdfs: {out}: no PDF destination for {missing}")
        found = {w: found[w] for w in described}
        if found == pages:
            pdf_ua(out, lang, site.strings(lang)["pdf"]["title"], described)
            return len(reader.pages)
        pages = found
    sys.exit(f"build_pdfs: {out}: the page numbers in the contents did not settle")


if __name__ == "__main__":
    root = (site.ROOT / (sys.argv[1] if len(sys.argv) > 1 else "site")).resolve()
    pack = site.load_config()["extra"]["onboarding_pdf"]
    with chromium("build_pdfs") as browser:
        for lang in site.languages():
            lang_root = root / site.lang_prefix(lang)
            parts = [Part(lang_root, md) for md in pack["pages"]]
            out = lang_root / pack["file"].format(lang=lang)
            out.parent.mkdir(parents=True, exist_ok=True)
            if warning := site.address_warning(parts[0].url, f"the links in {out.name}"):
                print(warning, file=sys.stderr)
            count = print_pack(browser, lang, parts, (root / "assets/images/logo.svg").as_uri(), out)
            print(f"build_pdfs: {out.relative_to(root)}: {count} pages")
