"""Load the figures of the exercises (`figures.toml`, beside the exercise library) into checked figures.

Each problem names its file, its line, the key and what to write instead; an exercise without a
figure is fine, and so is a library without the file.
"""

from __future__ import annotations

import difflib
from collections.abc import Collection
from pathlib import Path
from typing import Any

from ...core.figures.body import JOINTS, LIMB_JOINTS, POINTS, SIDES, SPINE, Pose, View
from ...core.figures.figure import Figure, Prop, ShownSide
from ...core.figures.postures import POSTURES
from ...core.formatting import counted
from .. import locations
from ..files import FileKind
from ..key_lines import KeyPath
from ..validation import Invalid, LoadError, Problem, TableReader, choice, read_toml, show_value

FIGURE_KEYS = ("view", "side", "props", "anchor", "start", "between", "end")
MAX_BETWEEN = 6
MAX_ANGLE = 360
SPINE_PARTS = tuple(joint for joint, _ in SPINE)
# The keys a pose may hold besides `base`: every joint, `spine` for its three parts, and a limb's
# joint without a side for both sides at once.
POSE_KEYS = (*JOINTS, "spine", *LIMB_JOINTS)


def load_figures(path: Path, exercise_ids: Collection[str] | None = None, missing_ok: bool = True) -> dict[str, Figure]:
    """Every figure in the file at `path` by exercise id; none when there is no such file and `missing_ok`.

    LoadError lists every problem; with `exercise_ids`, a figure for an exercise not among them is one.
    """
    if missing_ok and not path.exists() and not path.is_symlink():
        return {}
    document, source = read_toml(path, FileKind.FIGURES)
    problems: list[Problem] = []
    reader = TableReader(path, source, problems)
    figures: dict[str, Figure] = {}
    for exercise_id, value in document.items():
        if exercise_ids is not None and exercise_id not in exercise_ids:
            close = difflib.get_close_matches(exercise_id, list(exercise_ids), n=1, cutoff=0.6)
            hint = f'did you mean "{close[0]}"?' if close else "give each figure the id of an exercise there"
            reader.problem((exercise_id,), f"no exercise has this id in the library; {hint}")
            continue
        table = reader.table(value, (exercise_id,), FIGURE_KEYS)
        if table is not None and (figure := _figure(reader, table, exercise_id)) is not None:
            figures[exercise_id] = figure
    reader.finish()
    if problems:
        raise LoadError(problems)
    return figures


def load_bundled_figures(exercise_ids: Collection[str]) -> tuple[dict[str, Figure], str | None]:
    """The bundled figures of these exercises, and what is wrong with their file when it cannot be read (then
    no figures: every screen and page is whole without them)."""
    try:
        return load_figures(locations.bundled_figures_file(), exercise_ids), None
    except LoadError as err:
        more = len(err.problems) - 1
        and_more = f" (and {counted(more, 'more problem')})" if more else ""
        return {}, f"figures are not shown: {err.problems[0]}{and_more}"


def _figure(reader: TableReader, table: dict[str, Any], exercise_id: str) -> Figure | None:
    at = (exercise_id,)
    view = reader.field(table, at, "view", choice([v.value for v in View]))
    side = reader.field(table, at, "side", choice([s.value for s in ShownSide]))
    props = reader.field(table, at, "props", _props, [Prop.FLOOR.value])
    anchor = reader.field(table, at, "anchor", choice(POINTS), "pelvis")
    start = _pose(reader, table, (*at, "start"))
    end = _pose(reader, table, (*at, "end"))
    between = reader.field(table, at, "between", _table_list, [])
    middle = [_pose(reader, {"between": pose}, (*at, "between"), n + 1) for n, pose in enumerate(between or [])]
    poses = (start, *middle, end)
    if None in (view, side, props, anchor, between) or None in poses:
        return None
    return Figure(View(view), poses, ShownSide(side), frozenset(Prop(p) for p in props), anchor)


def _props(value: Any) -> list[str]:
    options = [p.value for p in Prop]
    if not isinstance(value, list) or not all(p in options for p in value):
        raise Invalid("must be a list of any of " + ", ".join(f'"{o}"' for o in options) + f", got {show_value(value)}")
    return value


def _table_list(value: Any) -> list[Any]:
    if not isinstance(value, list) or len(value) > MAX_BETWEEN:
        raise Invalid(f"must be a list of up to {MAX_BETWEEN} poses, each in braces, got {show_value(value)}")
    return value


def _pose(reader: TableReader, table: dict[str, Any], at: KeyPath, nth: int = 0) -> Pose | None:
    """The pose at key `at` of `table` (its `nth` item, counted from 1, when the key holds a list)."""
    key = at[-1]
    if key not in table:
        reader.problem(at, f'is missing; add the pose, such as {key} = {{ base = "standing", hip = 90 }}')
        return None
    value = table[key]
    where = f"pose {nth} " if nth else ""
    if not isinstance(value, dict):
        example = '{ base = "standing" }'
        reader.problem(at, f"{where}must be a table in braces, such as {example}, got {show_value(value)}")
        return None
    base = value.get("base")
    if base not in POSTURES:
        listed = ", ".join(f'"{name}"' for name in POSTURES)
        got = "none" if base is None else show_value(base)
        reader.problem(at, f"{where}base must be one of {listed}, got {got}")
        return None
    angles: dict[str, float] = {}
    broken = False
    # Joints for both sides or the whole spine first, so a side's own joint or one part of the spine overrides them.
    for joint, angle in sorted(value.items(), key=lambda item: item[0] in JOINTS):
        if joint == "base":
            continue
        if joint not in POSE_KEYS:
            close = difflib.get_close_matches(joint, POSE_KEYS, n=1, cutoff=0.6)
            hint = f'did you mean "{close[0]}"?' if close else "see the list of joints at the top of the file"
            reader.problem(at, f'{where}has an unknown joint "{joint}"; {hint}')
            broken = True
        elif isinstance(angle, bool) or not isinstance(angle, int | float) or not abs(angle) <= MAX_ANGLE:
            reader.problem(at, f"{where}{joint} must be an angle in degrees, -{MAX_ANGLE} to {MAX_ANGLE}, "
                               f"got {show_value(angle)}")  # fmt: skip
            broken = True
        else:
            angles.update(_joints_of(joint, float(angle)))
    return None if broken else POSTURES[base].with_angles(angles)


def _joints_of(key: str, angle: float) -> dict[str, float]:
    """The joints a pose's key sets: the spine's three parts share `spine`, and a limb's joint sets both sides."""
    if key == "spine":
        return {part: angle / len(SPINE_PARTS) for part in SPINE_PARTS}
    if key in LIMB_JOINTS:
        return {f"{side}_{key}": angle for side in SIDES}
    return {key: angle}
