"""Regular expressions of run filters ($regex), in RE2 syntax.

RE2 matches in time linear in the input and never backtracks, so no pattern can stall a query.
SQLite has no REGEXP of its own: engine.py registers ``regexp`` below, which runs inside SQLite's
thread; Python's ``re`` there took 54 s for ``^(a|a)+$`` on a 31-character name and froze the server.
PostgreSQL runs its own engine; patterns are checked here on both dialects, so a filter means the
same on either.
"""

from __future__ import annotations

from functools import lru_cache

import re2

MAX_PATTERN_LENGTH = 1000

_OPTIONS = re2.Options()
_OPTIONS.log_errors = False  # RE2 would print every refused pattern to stderr


class PatternError(ValueError):
    """The pattern is too long or not a valid RE2 expression; the message says why."""


def check_pattern(pattern: str) -> None:
    """Raise PatternError unless ``pattern`` is short enough and valid RE2."""
    if len(pattern) > MAX_PATTERN_LENGTH:
        raise PatternError(f"is {len(pattern)} characters long; the limit is {MAX_PATTERN_LENGTH}")
    try:
        _compiled(pattern)
    except re2.error as error:
        reason = error.args[0] if error.args else error
        reason = reason.decode(errors="replace") if isinstance(reason, bytes) else str(reason)
        raise PatternError(f"is not a valid regular expression (RE2 syntax): {reason}") from None


@lru_cache(maxsize=256)
def _compiled(pattern: str) -> "re2._Regexp":
    return re2.compile(pattern, options=_OPTIONS)


def regexp(pattern: str | None, value: object) -> bool | None:
    """SQLite's ``value REGEXP pattern``: does ``pattern`` match anywhere in ``value``; unknown
    (NULL) for non-strings."""
    if pattern is None or not isinstance(value, str):
        return None
    return _compiled(pattern).search(value) is not None
