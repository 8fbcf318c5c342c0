"""tillit.trim.minify_ours: our scripts shortened in the site, and a script it cannot read named by its file."""
import pytest

from tillit import trim


def _project(tmp_path, script):
    source = tmp_path / "docs" / "assets" / "javascripts" / "x.js"
    target = tmp_path / "site" / "assets" / "javascripts" / "x.js"
    for path in (source, target):
        path.parent.mkdir(parents=True)
        path.write_text(script, encoding="utf-8")
    return tmp_path / "docs", tmp_path / "site", target


def test_local_names_are_shortened_and_globals_kept(tmp_path):
    docs, site, target = _project(tmp_path, "function tillitStrings() {\n  var longLocalName = 1;\n"
                                            "  return longLocalName + 1;\n}\n")
    trim.minify_ours(docs, site)
    out = target.read_text(encoding="utf-8")
    assert "tillitStrings" in out and "longLocalName" not in out and len(out) < 50, out


def test_a_script_the_minifier_cannot_read_stops_the_build_naming_its_file(tmp_path):
    docs, site, _ = _project(tmp_path, "var ok = 1;\nvar broken = () => 1;\n")   # ES2015: our scripts are ES5
    with pytest.raises(SyntaxError, match=r"docs/assets/javascripts/x\.js: .*2:"):
        trim.minify_ours(docs, site)
