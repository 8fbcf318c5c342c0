"""The feedback contact (mkdocs.yml extra.contact, one place) in the footer and wherever a page says <!-- contact -->; a build for a real address stops while it is still the example value. Reads static-i18n's private state (current language) through _site.build_language."""
import re

from markupsafe import Markup, escape
from mkdocs.exceptions import PluginError

import _site
from _site import EXAMPLE, is_published   # the example-address rule (one place)

MARKER = "<!-- contact -->"
SETTING = "mkdocs.yml extra.contact"


def _contact(config):
    contact = config.extra.get("contact") or {}
    return (contact.get("email") or "").strip(), (contact.get("form_url") or "").strip()


def on_config(config):
    email, form_url = _contact(config)
    if not email and not form_url:
        raise PluginError(f"{SETTING}: set `email` and/or `form_url`: readers need a way to give feedback "
                          "(the footer and the accessibility statement show it)")
    example = [value for value in (email, form_url) if value and EXAMPLE.search(value)]
    if example and is_published(config.site_url):
        raise PluginError(f"{SETTING}: {', '.join(example)} is the example value, and this build is for "
                          f"{config.site_url} (SITE_URL). Set the real feedback address in {SETTING} "
                          "(email and/or form_url) before publishing.")
    return config


def contact_html(config):
    """The contact line in the language being built: label, mail link and (if set) the form."""
    email, form_url = _contact(config)
    t = _site.strings(_site.build_language(config))["contact"]
    links = []
    if email:
        links.append(Markup('<a href="mailto:{0}">{0}</a>').format(email))
    if form_url:
        links.append(Markup('<a href="{}">{}</a>').format(form_url, t["form"]))
    return Markup('<span class="tillit-contact">{}: {}</span>').format(t["label"], Markup(" · ").join(links))


def on_page_content(html, page, config, files):
    if MARKER not in html:
        return html
    line = str(contact_html(config))
    html = re.sub(rf"(?m)^{re.escape(MARKER)}$", f"<p>{line}</p>", html)   # on a line of its own: a paragraph
    return html.replace(MARKER, line)                                      # inside a sentence


def on_page_context(context, page, config, nav):
    context["tillit_contact"] = contact_html(config)
    return context


def on_template_context(context, template_name, config):
    context["tillit_contact"] = contact_html(config)
    return context
