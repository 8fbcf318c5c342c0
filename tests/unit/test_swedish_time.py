"""Dates a reader sees are Swedish dates: a commit late on the evening of 27 November (UTC+1) is dated that day."""
import datetime
import os
from types import SimpleNamespace

from tillit import last_updated
from tillit.site import local_time

# 2026-11-27 23:30 in Stockholm is 22:30 UTC; 2026-06-30 23:30 in Stockholm (summer time) is 21:30 UTC
LATE_WINTER = int(datetime.datetime(2026, 11, 27, 22, 30, tzinfo=datetime.UTC).timestamp())
LATE_SUMMER = int(datetime.datetime(2026, 6, 30, 21, 30, tzinfo=datetime.UTC).timestamp())
EARLY = int(datetime.datetime(2026, 11, 27, 23, 30, tzinfo=datetime.UTC).timestamp())   # 00:30 on the 28th


def test_local_time_is_stockholm_time():
    assert local_time(LATE_WINTER).date() == datetime.date(2026, 11, 27)
    assert local_time(LATE_SUMMER).date() == datetime.date(2026, 6, 30)
    assert local_time(EARLY).date() == datetime.date(2026, 11, 28)


def test_last_updated_shows_the_swedish_date(tmp_path):
    page_file = tmp_path / "sida.sv.md"
    page_file.write_text("# x\n", encoding="utf-8")
    config = {"docs_dir": str(tmp_path)}
    for stamp, shown in ((LATE_WINTER, "27 november 2026"), (EARLY, "28 november 2026")):
        last_updated._dates[str(tmp_path)] = {os.path.realpath(page_file): stamp}
        page = SimpleNamespace(file=SimpleNamespace(abs_src_path=str(page_file)), meta={})
        last_updated.set_date(page, config, "sv")
        assert f">{shown}</span>" in page.meta["git_revision_date_localized"]
