"""Change notes and feeds as functions (tillit.change_notes): the order of notes, feed ids that do not name the host."""
import datetime
import re

from tillit import change_notes
from tillit.site import ROOT


def test_notes_are_newest_first_even_when_written_oldest_first():
    meta = {"changes": [{"date": datetime.date(2025, 1, 2), "text": "Äldst."},
                        {"date": datetime.date(2026, 12, 1), "text": "Senast."},
                        {"date": "2026-06-01", "text": "Mitten."}]}
    assert [n["text"] for n in change_notes.page_notes(meta)] == ["Senast.", "Mitten.", "Äldst."]


def test_notes_on_one_date_keep_their_written_order():
    day = datetime.date(2026, 11, 28)
    meta = {"changes": [{"date": day, "text": "Först"}, {"date": day, "text": "Sedan"}]}
    assert [n["text"] for n in change_notes.page_notes(meta)] == ["Först", "Sedan"]


def test_feed_ids_do_not_depend_on_the_host():
    """Stable ids: a feed for another address has the same entry ids (and the new address in the links)."""
    config = {"site_name": "Tillit", "docs_dir": ROOT / "docs"}
    ours = change_notes.feed(config, "en", "https://intranat.example.se/en/")
    other = change_notes.feed(config, "en", "https://intranet.other.example/tsl/en/")
    ids = lambda text: re.findall(r"<entry>\s*<id>([^<]+)</id>", text)  # noqa: E731
    assert ids(ours) == ids(other) and ids(ours)
    assert "intranat.example.se" not in "".join(ids(ours))
    assert 'href="https://intranet.other.example/tsl/en/kommuner/falkoping/#grazonen"' in other
