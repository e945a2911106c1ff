"""The `backfit` command: parse arguments, build what a command needs, hand over.

Nothing here imports Textual, so list, show, validate and exercises (in `catalog_commands`) start fast.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import gc
import os
import shlex
import sys
import time
from collections.abc import Callable, Collection
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

from ..core.formatting import literal
from ..core.remind_window import parse_interval
from ..store import locations
from ..store.errors import HistoryUnavailable
from ..store.routines.catalog import Catalog, load_catalog
from ..store.routines.routine_files import id_problem, routine_name
from ..store.settings import Settings, load_settings_or_defaults
from ..store.validation import Invalid, LoadError
from .catalog_commands import list_exercises, list_routines, show, validate
from .pipes import READER_GONE, discard
from .say import error, find_routine
from .sharing import export_routine, import_routine

if TYPE_CHECKING:
    from ..audio.playsound_player import Player
    from ..audio.speech import Speech
    from ..core.clocks import Clocks
    from ..store.history.store import HistoryStore
    from ..tui.app import BackfitApp

NO_TERMINAL = 2  # the exit status when the screen is asked for without a terminal to draw on
TRACE_VARIABLE = "BACKFIT_TRACE"  # a file to log each event's timing to, for bench/timer_accuracy.py


class _Parser(argparse.ArgumentParser):
    """argparse's parser, showing the arguments it quotes in a usage error literally (file names among them)."""

    def error(self, message: str) -> NoReturn:
        super().error(literal(message))


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="backfit",
        description="A guided back-exercise and stretch routine in your terminal.",
        epilog=f"Your routines, settings and history live in {locations.data_dir()}; "
        f"set {locations.DATA_DIR_VARIABLE} or --data-dir to move them.",
    )
    parser.add_argument("--version", action=_VersionAction, nargs=0, help="show the version and exit")
    parser.add_argument("--data-dir", type=_folder, metavar="DIR", help="use DIR for routines, settings and history")
    parser.add_argument("--mute", action="store_true", help="start with the chimes off (m turns them on)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    listing = commands.add_parser("list", help="list every routine, bundled and your own")
    listing.add_argument("--json", action="store_true", help="print a JSON array for scripts")
    show = commands.add_parser("show", help="print one routine's plan, step by step")
    show.add_argument("routine", metavar="ROUTINE", help="a routine id (see `backfit list`) or a .toml file")
    show.add_argument("--figures", action="store_true", help="draw each step's exercise as it ends")
    validate = commands.add_parser("validate", help="check routine files, or figures, and print their problems")
    validate.add_argument("files", nargs="*", type=Path, metavar="FILE",
                          help="a routine file, or a figures.toml (default: the bundled figures)")  # fmt: skip
    run = commands.add_parser("run", help="run a routine now")
    run.add_argument("routine", metavar="ROUTINE", help="a routine id (see `backfit list`) or a .toml file")
    run.add_argument("--plain", action="store_true", help="guide with plain lines of text instead of the screen")
    run.add_argument("--mute", action="store_true", default=argparse.SUPPRESS, help="start with the chimes off")
    run.add_argument("--voice", action=argparse.BooleanOptionalAction, default=None,
                     help="speak what comes next, or not, whatever the settings say")  # fmt: skip
    exercises = commands.add_parser("exercises", help="list the exercise library's ids, or show one exercise")
    exercises.add_argument("exercise", nargs="?", metavar="ID", help="an exercise's page: how, its ranges, its figure")
    history = commands.add_parser("history", help="recent sessions and their sets")
    form = history.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help="every session as JSON, newest first")
    form.add_argument("--csv", action="store_true", help="every set as CSV, for a spreadsheet")
    form.add_argument("--check", action="store_true", help="check the whole file, and say how to recover a damaged one")
    history.add_argument("--limit", type=int, default=20, metavar="N", help="sessions in the table (default 20)")
    importing = commands.add_parser("import", help="check a routine file and copy it into your routines")
    importing.add_argument("file", type=Path, metavar="FILE", help="a routine .toml file")
    importing.add_argument(
        "--force", action="store_true", help="import it even if it replaces a routine or shares another's name"
    )
    importing.add_argument("--as", dest="new_id", type=_new_id, metavar="ID", help="import it under this id")
    importing.add_argument("--name", dest="new_name", type=_new_name, metavar="NAME", help="give it this name")
    exporting = commands.add_parser("export", help="write a routine out as a file to share")
    exporting.add_argument("routine", metavar="ROUTINE", help="a routine id (see `backfit list`) or a .toml file")
    exporting.add_argument(
        "file", type=Path, nargs="?", metavar="FILE", help="the file, or a folder, to write it to (default: stdout)"
    )
    stats = commands.add_parser("stats", help="sessions this week, the streak, the days trained and personal bests")
    stats.add_argument("--json", action="store_true", help="print JSON for scripts")
    progress = commands.add_parser("progress", help="what your last sessions suggest: a step up, a step back")
    progress.add_argument("routine", nargs="?", metavar="ROUTINE", help="only this routine (default: every routine)")
    progress.add_argument("--json", action="store_true", help="print JSON for scripts")
    report = commands.add_parser("report", help="the last weeks as one HTML page to print or show a professional")
    report.add_argument("--weeks", type=_weeks, default=12, metavar="N", help="weeks to cover, 1 to 104 (default 12)")
    report.add_argument("file", type=Path, nargs="?", metavar="FILE",
                        help="the file, or folder, to write it to; - for stdout (default: backfit-report.html)")
    _add_reminder_commands(commands)
    return parser


def _add_reminder_commands(commands: argparse._SubParsersAction) -> None:
    """`backfit remind` and `backfit status`."""
    remind = commands.add_parser("remind", help="call a break every so often, and start its routine")
    remind.add_argument("--every", type=_interval, metavar="TIME", help="50m, 90s, 1h (default: remind_every, 50m)")
    remind.add_argument("--routine", metavar="ROUTINE", help="its routine (default: remind_routine, desk-break)")
    remind.add_argument("--mute", action="store_true", default=argparse.SUPPRESS, help="start with the chimes off")
    status = commands.add_parser("status", help="one line on the next break and the week, for a status bar")
    status.add_argument("--json", action="store_true", help="print JSON for scripts")


def _weeks(text: str) -> int:
    """`--weeks N`: the report's weeks, or argparse's usage error saying what is allowed."""
    from .report_command import weeks_argument

    return weeks_argument(text)


def _interval(text: str) -> int:
    """`--every TIME`: seconds, or argparse's usage error saying what is allowed."""
    try:
        return parse_interval(text)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def main(argv: list[str] | None = None) -> int:
    """Run the `backfit` command; returns the exit status."""
    try:
        try:
            return _dispatch(build_parser().parse_args(argv))
        finally:
            if sys.stdout is not None:  # None when backfit was started with stdout closed (`>&-`)
                sys.stdout.flush()  # so a reader that has gone shows here, not in the interpreter's last flush
    except BrokenPipeError:  # `backfit ... | head`: end quietly, as cat does
        discard(sys.stdout)
        return READER_GONE


def _dispatch(args: argparse.Namespace) -> int:
    if args.data_dir:
        os.environ[locations.DATA_DIR_VARIABLE] = str(args.data_dir)
    try:
        if args.command == "validate":
            return validate(args.files)
        if args.command == "status":
            from .status_command import status

            return status(as_json=args.json)
        if args.command in ("history", "stats"):
            from . import history_commands

            if args.command == "history" and args.check:
                return history_commands.check()
            if args.command == "history":
                return history_commands.history(as_json=args.json, as_csv=args.csv, limit=args.limit)
            return history_commands.stats(as_json=args.json, goal=_settings().weekly_goal)
        if args.command == "report":
            from .report_command import report

            return report(args.weeks, args.file)
        catalog = load_catalog()
        if args.command == "list":
            return list_routines(catalog, as_json=args.json, get_ready=_settings().get_ready)
        if args.command == "show":
            return show(catalog, args.routine, _settings().get_ready, figures=args.figures)
        if args.command == "exercises" and args.exercise:
            from .exercise_page import exercise_page

            return exercise_page(catalog, args.exercise)
        if args.command == "exercises":
            return list_exercises(catalog)
        if args.command == "progress":
            from .progress_command import progress

            return progress(catalog, args.routine, as_json=args.json)
        if args.command == "import":
            return import_routine(catalog, args.file, args.force, args.new_id, args.new_name)
        if args.command == "export":
            return export_routine(catalog, args.routine, args.file)
        clocks = _system_clocks()  # made here once, for what follows: the quick commands above keep no time
        if args.command == "run" and args.plain:
            return guide(catalog, args.routine, clocks, mute=args.mute, voice=args.voice)
        if args.command == "run" and find_routine(catalog, args.routine) is None:
            return 1  # a routine that cannot run is said first, terminal or not
        if not_a_terminal := _streams_not_a_terminal():
            error(*_needs_a_terminal(args, not_a_terminal))
            return NO_TERMINAL
        return open_tui(args, catalog, clocks)  # the menu, or `run ROUTINE` straight into the session
    except LoadError as err:
        error(*map(str, err.problems))
        return 1
    except HistoryUnavailable as err:
        error(str(err))
        return 1
    except BrokenPipeError:
        raise  # not a file that could not be written: `main` ends a closed pipe quietly
    except OSError as err:  # writing a file: `import` into a read-only folder
        error(f"{err.filename}: {err.strerror or err}" if err.filename else str(err))
        return 1
    except KeyboardInterrupt:
        return 130


def _streams_not_a_terminal() -> str:
    """Which of the standard input and output is not a terminal ("" when both are): the screen needs both."""
    streams = [name for name, stream in (("input", sys.stdin), ("output", sys.stdout))
               if stream is None or not stream.isatty()]  # fmt: skip
    return " and ".join(f"standard {name}" for name in streams)


def _needs_a_terminal(args: argparse.Namespace, not_a_terminal: str) -> tuple[str, str]:
    """Why the screen cannot start when `not_a_terminal` (a file, a pipe), and what works without a terminal."""
    if args.command == "run":
        run = f"backfit run {shlex.quote(args.routine)}"
        what, instead = f"`{run}`", f"`{run} --plain` guides it in lines of text."
    elif args.command == "remind":
        what, instead = "`backfit remind`", "Start it in a terminal of its own, such as a tmux pane."
    else:
        what = "the menu"
        instead = "`backfit list` lists the routines, and `backfit run ROUTINE --plain` guides one in lines of text."
    verb = "are" if " and " in not_a_terminal else "is"
    return f"{what} draws on a terminal, and {not_a_terminal} {verb} not one", instead


def _new_id(text: str) -> str:
    """`--as ID`: a usable routine id, or argparse's usage error saying why not."""
    problem = id_problem(text)
    if problem:
        raise argparse.ArgumentTypeError(problem)
    return text


def _new_name(text: str) -> str:
    """`--name NAME`: a name a routine file may hold, or argparse's usage error saying why not."""
    try:
        return routine_name(text)
    except Invalid as err:
        raise argparse.ArgumentTypeError(f"a routine's name {err}") from None


def _folder(text: str) -> Path:
    """A folder named on the command line, made absolute; argparse reports what is wrong with it."""
    try:
        return Path(text).expanduser().resolve()
    except (ValueError, RuntimeError) as err:  # a NUL character; `~name` for an unknown user
        raise argparse.ArgumentTypeError(f"{text!r} is not a usable folder ({err})") from None


class _VersionAction(argparse.Action):
    """--version, reading the installed version only when asked (importlib.metadata is slow)."""

    def __call__(self, parser, namespace, values, option_string=None):
        from importlib import metadata

        try:
            version = metadata.version("backfit")
        except metadata.PackageNotFoundError:
            version = "unknown"
        print(f"backfit {version}")
        parser.exit()


def _settings(say_warnings: bool = True, themes: Collection[str] = ()) -> Settings:
    """The settings, the theme checked against `themes` if given; what is wrong with them is said on stderr
    (the TUI says it itself, on screen)."""
    settings = load_settings_or_defaults(locations.settings_file(), os.environ, themes)
    if say_warnings:
        for problem in settings.warnings:
            error(str(problem))
    return settings


def _system_clocks() -> Clocks:
    """The system's monotonic and wall clocks: the one pair the guides, the app and the reminder are handed."""
    from ..core.clocks import Clocks

    return Clocks(monotonic=time.monotonic, wall=time.time)


def _first_run() -> bool:
    """Whether this is the first session, so the safety note is due (remembered from now on)."""
    from ..store.safety import note_first_run

    return note_first_run(locations.safety_note_marker())


def guide(catalog: Catalog, reference: str, clocks: Clocks, mute: bool, voice: bool | None = None) -> int:
    """`backfit run ROUTINE --plain`: guide a routine with lines of text, the chimes and the voice."""
    entry = find_routine(catalog, reference)
    if entry is None:
        return 1
    from ..audio.session_sounds import make_session_sounds
    from ..audio.terminal_bell import ring_terminal_bell
    from ..store.history.session_log import SessionLog
    from .plain import run_plain

    settings = _session_settings(mute, voice)
    sounds = make_session_sounds(settings, *_sound_devices(settings), bell=ring_terminal_bell, report=error)
    store, problem = _open_history()
    if problem:
        error(f"history is not being saved: {problem}")
    log = SessionLog(store, entry.routine, clocks.wall, error) if store else None
    return run_plain(entry.routine, settings, clock=clocks.monotonic, first_run=_first_run(), sounds=sounds, log=log)


def _sound_devices(settings: Settings) -> tuple[Player | None, Callable[[str], Speech]]:
    """What a session's sounds play on, as the settings ask: the chimes' player and the voice's speech."""
    from ..audio.playsound_player import make_player
    from ..audio.speech import speech_finder

    return make_player(settings), speech_finder(settings)


def open_tui(args: argparse.Namespace, catalog: Catalog, clocks: Clocks) -> int:
    """Run the app `tui_app` builds for these arguments until it is left; its exit status."""
    gc.disable()  # until the first screen is drawn: see app.resume_garbage_collection
    try:
        # Textual sizes the screen with shutil.get_terminal_size(), which prefers $COLUMNS and $LINES
        # to the terminal itself: a stale exported value would draw for the wrong size, miss resizes.
        os.environ.pop("COLUMNS", None)
        os.environ.pop("LINES", None)
        trace_path = os.environ.get(TRACE_VARIABLE)
        with open(trace_path, "a", encoding="utf-8") if trace_path else contextlib.nullcontext() as trace:
            app = tui_app(args, catalog, clocks, trace)
            if app is None:
                return 1
            app.run()
    finally:
        gc.enable()  # if the app ended before drawing anything
    return app.return_code or 0


def tui_app(
    args: argparse.Namespace, catalog: Catalog, clocks: Clocks, trace: TextIO | None = None
) -> BackfitApp | None:
    """The app `backfit` (the menu), `backfit run ROUTINE` (its session) or `backfit remind` runs, built but not
    yet running.

    Reads the settings (muted by --mute, the voice turned on or off by --voice or --no-voice), opens the
    history (or keeps why it cannot), picks the sound player and the speech engine, and sees whether the
    safety note is due; `trace` gets each event's timing. None, after saying why, when ROUTINE cannot be
    run. Textual is imported only from here on.
    """
    routine = None
    if args.command == "run":
        entry = find_routine(catalog, args.routine)
        if entry is None:
            return None
        routine = entry.routine
    from ..tui.factory import THEMES, make_app

    settings = _session_settings(args.mute, getattr(args, "voice", None), say_warnings=False, themes=THEMES)
    remind = None
    if args.command == "remind":
        from .remind_command import remind_plan

        remind = remind_plan(args, catalog, settings, clocks.wall)
        if remind is None:
            return None
    store, problem = _open_history()
    player, find_speech = _sound_devices(settings)
    return make_app(
        catalog=catalog, settings=settings, clocks=clocks, player=player, history=store, history_problem=problem,
        start_with=routine, first_run=_first_run(), trace=trace, find_speech=find_speech, remind=remind,
    )  # fmt: skip


def _open_history() -> tuple[HistoryStore | None, str | None]:
    """The history store (open only to read where sessions cannot be kept), and why sessions are not kept, if they
    are not (the session still runs)."""
    from ..store.history.store import open_to_keep  # sqlite3: only for the commands that keep a history

    return open_to_keep(locations.history_file())


def _session_settings(
    mute: bool, voice: bool | None = None, say_warnings: bool = True, themes: Collection[str] = ()
) -> Settings:
    """The settings, muted for this run by `--mute`, with the voice turned on or off by `--voice` or `--no-voice`."""
    settings = _settings(say_warnings, themes)
    if mute:
        settings = dataclasses.replace(settings, mute=True)
    if voice is False or (voice and settings.voice == "off"):
        settings = dataclasses.replace(settings, voice="auto" if voice else "off")
    return settings
