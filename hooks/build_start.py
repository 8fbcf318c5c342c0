"""Before anything is rendered: the source checks (tillit.checks), the build's own settings, the theme files shipped."""
import sys

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from tillit import checks, contact, i18n, linking_pages, material, site, translations, trim


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    problem = contact.check_config(config) or linking_pages.check_config(config)
    if problem:
        raise PluginError(problem)
    if material.offline_enabled(config):
        trim.offline_settings(config)
    return config


@event_priority(100)   # before every other hook and plugin: a broken source stops the build before it is rendered
def on_pre_build(config: MkDocsConfig) -> None:
    if not i18n.after_all_languages(config):
        return   # a nested build of a further language: the outer build checked the same sources
    site.load_config.cache_clear()   # make serve: mkdocs.yml and locales/ read again (a nav line or a tag just added)
    site.strings.cache_clear()
    translations.CURRENT = {(item["stem"], item["lang"]): item for item in translations.behind()}
    linking_pages.reset()   # the nested builds add to the outer build's QR files
    for item in translations.CURRENT.values():   # said, not a warning: a Swedish fix is publishable at once
        print(translations.message(item), file=sys.stderr)
    if problems := checks.source_problems(config.config_file_path):
        raise PluginError("\n".join(problems) + f"\n{len(problems)} problem(s) in the sources: fix them in the files "
                          "named above (python -m tillit.checks lists them too)")


def on_files(files: Files, config: MkDocsConfig) -> Files:
    return trim.files(files, config)
