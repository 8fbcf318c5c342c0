"""Each language's onboarding pack and card set (extra.onboarding_pdf, extra.card_pdf) as site files pages can link.

tillit.pdfs and tillit.cards print the real PDFs into the built site (`make pdf`, part of `make build`); until then
each file is a copy of tillit/placeholder.pdf, one page that says how to print it (e.g. under `mkdocs serve`).
"""
from pathlib import Path

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
        pdf = File.generated(config, src, abs_src_path=str(Path(__file__).with_name("placeholder.pdf")))
        pdf.dest_uri = lang_prefix(lang, config) + src
        files.append(pdf)
    return files
