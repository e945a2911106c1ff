"""A setting declared once, as a dataclass field, and settings.toml read against the declarations in one loop.

A field made by `setting` is read from the top-level key of its name: it holds the key's check, its default
as the file would write it, what a written value `means` (itself, unless said) and the environment variable,
if any, that wins over the file. A field made by `part` is a nested settings class
whose keys are written at the top level after a prefix. A bad value costs only itself: the default is used
and a warning says where and what is allowed.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Protocol

from .validation import Check, Invalid, KeyPath, Problem, TableReader, show_value

DECLARED = "backfit.setting"  # the metadata key under which a field says how it is read


@dataclass(frozen=True)
class Context:
    """What reading a setting may depend on: the folder of settings.toml (a relative path starts there), the
    environment, and the themes the screen knows (none when nothing is drawn)."""

    folder: Path
    environ: Mapping[str, str]
    themes: Collection[str] = ()


class FallbackReader(TableReader):
    """A TableReader whose every problem is a warning: the setting keeps its default."""

    def setting(
        self, table: dict[str, Any], key: str, check: Check, default: Any, path: KeyPath = (), instead: str = ""
    ) -> Any:
        """The checked value of `table[key]`, or `default` (and a warning saying so) when it is bad.

        The warning ends with what happens `instead`: by default, that `default` is used.
        """
        instead = instead or f"the default, {show_value(default)}, is used"

        def check_or_say_instead(value: Any) -> Any:
            try:
                return check(value)
            except Invalid as err:
                raise Invalid(f"{err}; {instead} until it is fixed") from None

        found = self.field(table, path, key, check_or_say_instead, default)
        return default if found is None else found  # None: the value was bad, and said so

    def table(self, value: Any, path: KeyPath, allowed: Iterable[str]) -> dict[str, Any] | None:
        """As TableReader.table; an unknown key, or a table that is not one, is said to be ignored."""
        before = len(self.problems)
        found = super().table(value, path, allowed)
        self.problems[before:] = [replace(p, message=f"{p.message}; it is ignored") for p in self.problems[before:]]
        return found


class Declaration(Protocol):
    """How one field of a settings class is read: the top-level keys it takes, and its value from them."""

    def keys(self, name: str) -> list[str]: ...
    def read(self, reader: FallbackReader, document: dict[str, Any], name: str, context: Context) -> Any: ...


@dataclass(frozen=True)
class Key:
    """One key: its check (made for the context), the default as written, what it means, the variable that wins."""

    check: Callable[[Context], Check]
    written: Any
    means: Callable[[Any], Any]
    env: str | None = None

    def keys(self, name: str) -> list[str]:
        return [name]

    def read(self, reader: FallbackReader, document: dict[str, Any], name: str, context: Context) -> Any:
        """The key's value: the file's, unless the variable is set to one the check accepts (else a warning)."""
        check = self.check(context)
        value = reader.setting(document, name, check, self.written)
        wanted = context.environ.get(self.env) if self.env else None
        if wanted is not None:
            try:
                value = check(wanted.strip().lower())
            except Invalid as err:
                reader.problems.append(Problem(Path("environment"), f"{err}; it is ignored", self.env or ""))
        return self.means(value)


@dataclass(frozen=True)
class Part:
    """A nested settings class whose keys are written at the top level, each after `prefix`."""

    settings: type
    prefix: str

    def keys(self, name: str) -> list[str]:
        return declared_keys(self.settings, self.prefix)

    def read(self, reader: FallbackReader, document: dict[str, Any], name: str, context: Context) -> Any:
        return self.settings(**read_declared(self.settings, reader, document, context, self.prefix))


def _same(value: Any) -> Any:
    return value


def setting(
    written: Any,
    check: Check | None = None,
    *,
    check_in: Callable[[Context], Check] | None = None,
    means: Callable[[Any], Any] = _same,
    env: str | None = None,
) -> Any:
    """A field read from the key of its name, `check`ed (or by the check `check_in` makes for the context).

    `written` is its default as the file would write it (a warning shows it so); the field holds what the
    written value `means`. The environment variable `env`, when set, wins over the file.
    """
    made = check_in or (lambda _: check)
    return field(default=means(written), metadata={DECLARED: Key(made, written, means, env)})


def part(settings: type, prefix: str) -> Any:
    """A field holding the nested settings class `settings`, its keys written at the top level after `prefix`."""
    return field(default_factory=settings, metadata={DECLARED: Part(settings, prefix)})


def declared_keys(settings: type, prefix: str = "") -> list[str]:
    """Every top-level key the fields of `settings` declare, in the order of the fields."""
    return [key for name, declaration in _declarations(settings) for key in declaration.keys(prefix + name)]


def read_declared(
    settings: type, reader: FallbackReader, document: dict[str, Any], context: Context, prefix: str = ""
) -> dict[str, Any]:
    """The value of each declared field of `settings` in `document`, by field name."""
    return {
        name: declaration.read(reader, document, prefix + name, context)
        for name, declaration in _declarations(settings)
    }


def _declarations(settings: type) -> list[tuple[str, Declaration]]:
    """Each field of `settings` that declares how it is read (not, say, the warnings), and its declaration."""
    return [(f.name, f.metadata[DECLARED]) for f in fields(settings) if DECLARED in f.metadata]
