"""`backfit import` and `backfit export`: routine files in and out of the person's routines."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from shlex import quote

from ..core.names import folded_name
from ..store import locations
from ..store.atomic import NotARegularFile, write_atomically
from ..store.in_place import edited_in_place
from ..store.locations import ensure_dir
from ..store.routines.catalog import Catalog
from ..store.routines.draft import free_id
from ..store.routines.routine_files import RoutineEntry, id_problem, loads_as, parse_routine, routine_toml
from ..store.validation import LoadError, read_bytes
from .say import error, find_routine, say


def import_routine(
    catalog: Catalog, path: Path, force: bool, new_id: str | None = None, new_name: str | None = None
) -> int:
    """Copy a routine file that validates into the user's routines, under its file name's id or `new_id`, named
    as in the file or `new_name`.

    Taking the place of a routine, or the name of another, needs `force`.
    """
    try:
        data = read_bytes(path)
        routine = parse_routine(data, path, catalog.library)
    except LoadError as err:
        error(*map(str, err.problems), f"{path} was not imported; fix the problems above and try again")
        return 1
    text = data.decode("utf-8-sig")  # written as it is, comments and all
    if new_name is not None:
        renamed = replace(routine, name=new_name)
        edited = edited_in_place(text, [((), {"name": routine.name}, {"name": new_name})])  # its comments kept
        text = edited if loads_as(edited, renamed, path, catalog.library) else routine_toml(renamed)
        routine = renamed
    if new_id is None and (problem := id_problem(routine.id)):
        suggestion = free_id(path.stem, {entry.id for entry in catalog.entries})
        error(f"its file's name gives no routine id: {problem}", f"{path} was not imported; add --as {suggestion}")
        return 1
    routine_id = new_id or routine.id
    clash = None if force else _import_clash(catalog, path, routine_id, routine.name)
    if clash:
        what, how_to_go_on = clash
        error(what, f"{path} was not imported; {how_to_go_on}")
        return 1
    target = ensure_dir(locations.user_routines_dir()) / f"{routine_id}.toml"
    write_atomically(target, text)
    say(f"Imported {routine.name} as {routine_id!r}: `backfit run {routine_id}` runs it.")
    return 0


def _import_clash(catalog: Catalog, path: Path, routine_id: str, name: str) -> tuple[str, str] | None:
    """What importing `path` as `routine_id` would change unasked, and how else to go on; None if nothing."""

    folded = folded_name(name)

    def named_alike(entry: RoutineEntry) -> bool:
        return entry.routine is not None and folded_name(entry.routine.name) == folded

    replaced = next((e for e in catalog.entries if e.id == routine_id), None)
    if replaced is not None:
        keep_both = (
            "add --as ID --name NAME to keep both"
            if named_alike(replaced)
            else "add --as ID to import it under another id"
        )
        if replaced.origin == "user":
            return (
                f"you already have a routine {routine_id!r} ({replaced.path})",
                f"add --force to replace it, or {keep_both}",
            )
        return (
            f"{path} would take the place of the bundled routine {routine_id!r}",
            f"add --force to use it instead, or {keep_both}",
        )
    namesake = next((e for e in catalog.entries if named_alike(e)), None)
    if namesake is not None:
        whose = "your routine" if namesake.origin == "user" else "the bundled routine"
        theirs = namesake.routine.name
        alike = f'which reads as "{theirs}", the name of {whose} {namesake.id!r}'
        if theirs == name:
            alike = f"as {whose} {namesake.id!r} is"
        return f'{path} holds a routine named "{name}", {alike}', (
            f"add --name NAME to give it a name of its own, add --as {namesake.id} --force to replace that routine "
            "with it, or add --force to import it anyway"
        )
    return None


def export_routine(catalog: Catalog, reference: str, destination: Path | None) -> int:
    """Write a routine out as tidy TOML: to stdout, to a file, or into a folder as `<id>.toml`.

    A file there is replaced, keeping its permissions; through a symbolic link, the file it links to. Anything
    else (a pipe, a device) is left as it is, and said.
    """
    entry = find_routine(catalog, reference)
    if entry is None:
        return 1
    text = routine_toml(entry.routine)
    if destination is None:
        sys.stdout.write(text)
        return 0
    target = destination / f"{entry.id}.toml" if destination.is_dir() else destination
    if not target.parent.exists():
        error(
            f"cannot write {target}: the folder {target.parent} does not exist; create it first or choose another path"
        )
        return 1
    try:
        written = write_atomically(target, text)
    except NotARegularFile as err:
        redirect = f"backfit export {quote(reference)} > FILE"
        error(
            f"cannot write {target}: {err.strerror}",
            f"choose a file's path, or leave FILE out and redirect: {redirect}",
        )
        return 1
    except OSError as err:  # a file where the folder should be, a read-only folder, a full disk
        error(f"cannot write {target}: {err.strerror or err}")
        return 1
    through = "" if written == target else f" (the file it links to, {written})"
    say(f"Wrote {entry.routine.name} to {target}{through}.", file=sys.stderr)
    return 0
