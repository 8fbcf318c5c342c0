"""The feedback contact (mkdocs.yml extra.contact, one place): the footer and <!-- tillit:contact -->.

A build for a real address stops while it is still the example value (check_config).
"""
import re

from markupsafe import Markup

from tillit.site import EXAMPLE, is_published, strings  # the example-address rule (one place)

SETTING = "mkdocs.yml extra.contact"


def _contact(config):
    contact = config.extra.get("contact") or {}
    return (contact.get("email") or "").strip(), (contact.get("form_url") or "").strip()


def check_config(config):
    """A problem with extra.contact for this build, or '' (hooks/build_start.py stops the build with it)."""
    email, form_url = _contact(config)
    if not email and not form_url:
        return (f"{SETTING}: set `email` and/or `form_url`: readers need a way to give feedback "
                "(the footer and the accessibility statement show it)")
    example = [value for value in (email, form_url) if value and EXAMPLE.search(value)]
    if example and is_published(config.site_url):
        return (f"{SETTING}: {', '.join(example)} is the example value, and this build is for "
                f"{config.site_url} (SITE_URL). Set the real feedback address in {SETTING} "
                "(email and/or form_url) before publishing.")
    return ""


def contact_html(config, lang):
    email, form_url = _contact(config)
    t = strings(lang)["contact"]
    links = [Markup('<a href="mailto:{0}">{0}</a>').format(email)] if email else []
    links += [Markup('<a href="{}">{}</a>').format(form_url, t["form"])] if form_url else []
    return Markup('<span class="tillit-contact">{}: {}</span>').format(t["label"], Markup(" · ").join(links))


def own_lines(html, line):
    """A contact marker on a line of its own becomes a paragraph (the marker dispatcher puts the others inline)."""
    return re.sub(r"(?m)^<!--\s*tillit:contact\s*-->$", lambda m: f"<p>{line}</p>", html)
