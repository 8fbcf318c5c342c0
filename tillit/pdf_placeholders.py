"""Each language's onboarding pack and card set (extra.onboarding_pdf, extra.card_pdf) as site files pages can link.

tillit.pdfs and tillit.cards print the real PDFs into the built site (`make pdf`, part of `make build`); until then
each file is a one-page placeholder that says how to print it (e.g. under `mkdocs serve`).
"""
from mkdocs.structure.files import File

from tillit.site import lang_prefix


def pack_path(config, lang):
    """Site path of a language's PDF relative to that language's root, e.g. 'pdf/tillit-fortroendevalda-sv.pdf'."""
    try:
        return config["extra"]["onboarding_pdf"]["file"].format(lang=lang)
    except (KeyError, TypeError) as err:
        raise ValueError(f"mkdocs.yml: extra.onboarding_pdf.file is missing or malformed ({err})") from err


def add(files, config, lang):
    cards = (config["extra"].get("card_pdf") or {}).get("file")
    for src in [pack_path(config, lang)] + ([cards.format(lang=lang)] if cards else []):
        pdf = File.generated(config, src, content=_placeholder_pdf(f"Run 'make pdf' to print this PDF ({src})."))
        pdf.dest_uri = lang_prefix(lang, config) + src
        files.append(pdf)
    return files


def _placeholder_pdf(text):
    """A minimal valid one-page PDF showing one line of ASCII text."""
    stream = b"BT /F1 12 Tf 56 780 Td (" + text.encode("ascii") + b") Tj ET"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >>"
               b" /Contents 5 0 R >>",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
               b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream)]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)
