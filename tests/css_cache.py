"""One parse of each piece of Textual CSS per test worker, shared by the apps it starts.

Every Pilot test starts a new app, and every app's Stylesheet parses the app's .tcss files and
every widget's DEFAULT_CSS again: about 40 ms an app, over 700 apps. Textual keeps parsed rules
per Stylesheet only (``Stylesheet._parse_cache``); ``install()`` makes the Stylesheets of one
test process share them, keyed as Textual keys them plus the CSS variables (the theme) they
were parsed with. The app itself still parses as it always does: this is for tests only.

Sharing cannot carry state from one test to the next because a parsed RuleSet is only read
after parsing: ``Stylesheet.apply`` reads its selectors and copies its values onto each node's
own styles, as Textual already does for every node of one app that a rule matches. The one
value that keeps state of its own is a layout: grid and stream layouts remember things between
arranges, so rules with one are parsed per app as before.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual.cache import LRUCache
from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet
from textual.layouts.horizontal import HorizontalLayout
from textual.layouts.vertical import VerticalLayout

# The layouts that keep nothing between arranges; a rule with any other is parsed per app.
STATELESS_LAYOUTS = (VerticalLayout, HorizontalLayout)

_parse_alone = Stylesheet._parse_rules
_shared: LRUCache[tuple[object, ...], list[RuleSet]] = LRUCache(1024)


def shareable(rules: list[RuleSet]) -> bool:
    """Whether parsed ``rules`` may be handed to another Stylesheet as they are."""
    layouts = (rule.styles.get_rule("layout") for rule in rules)
    return all(layout is None or isinstance(layout, STATELESS_LAYOUTS) for layout in layouts)


def variables_key(variables: Mapping[str, str]) -> frozenset[tuple[str, str]]:
    return frozenset(variables.items())


def _parse_rules_shared(
    self: Stylesheet,
    css: str,
    read_from: tuple[str, str],
    is_default_rules: bool = False,
    tie_breaker: int = 0,
    scope: str = "",
) -> list[RuleSet]:
    key = (variables_key(self._variables), css, read_from, is_default_rules, tie_breaker, scope)
    rules = _shared.get(key)
    if rules is None:
        rules = _parse_alone(self, css, read_from, is_default_rules, tie_breaker, scope)
        if shareable(rules):
            _shared[key] = rules
    return rules


def install() -> None:
    """Every Stylesheet of this process shares parsed rules from now on."""
    Stylesheet._parse_rules = _parse_rules_shared  # type: ignore[method-assign]


def uninstall() -> None:
    """Back to Textual's own parse (one cache per Stylesheet), and nothing kept."""
    Stylesheet._parse_rules = _parse_alone  # type: ignore[method-assign]
    _shared.clear()
