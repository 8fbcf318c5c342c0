"""The one marker grammar and dispatcher (tillit.markers): phases, unknown names, comments that are not markers."""
import pytest

from tillit import markers

TEXT = "A\n<!-- tillit:figure krav -->\nB <!-- tillit:contact --> C\n<!-- tillit:linking-pages tsl/ index -->\n"


def test_find_gives_line_name_and_arguments():
    assert list(markers.find(TEXT)) == [(2, "figure", "krav"), (3, "contact", ""), (4, "linking-pages", "tsl/ index")]


def test_expand_replaces_only_its_phase():
    out = markers.expand(TEXT, "content", {"contact": lambda args: "<span>c</span>"}, "x.md")
    assert "B <span>c</span> C" in out and "tillit:figure krav" in out and "tillit:linking-pages" in out


def test_an_unknown_name_stops_with_the_place():
    with pytest.raises(markers.MarkerError, match=r"docs/x\.md: line 2 .*unknown marker 'tillit:exercises'"):
        markers.expand("a\n<!-- tillit:exercises golden-zone -->\n", "page", {}, "docs/x.md")


def test_problems_name_unknown_markers_and_stray_comments():
    found = markers.problems("a\n<!-- tillit:figur krav -->\n<!-- exercise: golden-zone -->\n<!-- tillit:contact -->\n",
                             "docs/x.sv.md", line_offset=10)
    assert len(found) == 2
    assert found[0].startswith("docs/x.sv.md:12: unknown marker 'tillit:figur'")
    assert found[1].startswith("docs/x.sv.md:13: an HTML comment that is not a marker")


def test_args_of_the_first_marker_of_a_name():
    assert markers.args_of(TEXT, "linking-pages") == "tsl/ index"
    assert markers.args_of(TEXT, "exercise") is None
