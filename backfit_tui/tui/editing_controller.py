"""What the editor and the menu ask of the person's own routines, done for the App: a new routine or a copy opened in
the editor, a routine's file opened, saved (after asking, if another program changed it) and deleted.

The screens never touch the disk; they post a message (`messages`), and the App hands it here. The controller
works through the store and shows the next screen through its `Host`; after a change the menu's routines are
found again by `reload`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..core.model import Routine
from ..store import locations
from ..store.routines.routine_files import delete_routine
from ..store.validation import LoadError
from . import messages
from .state import AppState, Host

if TYPE_CHECKING:
    from ..store.routines.draft import Draft


class EditingController:
    """Writes, saves and deletes the person's own routines for `host`, on `state`, through the store; `reload` shows
    the menu's routines anew after each change."""

    def __init__(self, host: Host, state: AppState, reload: Callable[[], None]) -> None:
        self.host = host
        self.state = state
        self.reload = reload
        self.handlers: Mapping[type[messages.ForController], Callable[[Any], None]] = {
            messages.NewRoutineRequested: self.write_new,
            messages.EditRequested: self.edit,
            messages.DeleteRequested: self.delete,
            messages.SaveRequested: self.save,
        }

    def write_new(self, request: messages.NewRoutineRequested) -> None:
        """Open the editor on a new routine of the person's own, or a copy of `request.copy_of`."""
        from ..store.routines.draft import Draft

        copy_of = request.copy_of
        if copy_of is None:
            self.open_editor(Draft(""))
        else:
            self.open_editor(Draft.from_routine(copy_of, "", f"{copy_of.name[:53]} (copy)"))

    def edit(self, request: messages.EditRequested) -> None:
        """Open one of the person's routines in the editor, as its file is now, keeping the file's stamp."""
        draft = self.draft_of(request.entry.path, "open")
        if draft is None:  # changed or removed since the menu listed it
            self.reload()
            return
        self.open_editor(draft)

    def draft_of(self, path: Path, verb: str) -> Draft | None:
        """A routine's file as it is now, as a draft to edit; None, and said, when it cannot be read."""
        from ..store.routines.draft import Draft

        try:
            return Draft.from_file(path, self.state.catalog.library)
        except (LoadError, OSError) as err:
            self.host.warn(f"Could not {verb} {path}: {getattr(err, 'strerror', None) or err}")
            return None

    def open_editor(self, draft: Draft) -> None:
        """Edit `draft` (a new routine, a copy, or a routine's file as it is now)."""
        from .screens.editor import EditorScreen

        catalog = self.state.catalog
        taken = {entry.id for entry in catalog.entries}
        get_ready = self.state.settings.get_ready
        self.host.push_screen(EditorScreen(draft, catalog.library, taken, get_ready, self.state.figures))

    def save(self, request: messages.SaveRequested) -> None:
        """Save the editor's routine into the person's routines, tell the editor, and show it on the menu; first
        ask, if another program changed its file since the editor opened it."""
        from ..store.file_stamp import read_stamp

        editor, routine = request.editor, request.routine
        opened = editor.draft.opened
        now = read_stamp(opened.path) if opened is not None else None
        if opened is None or opened.stamp.same_bytes(now):
            self.write(editor, routine)
            return
        from ..store.routines.draft import free_id
        from .screens.disk_changed import DiskChangedScreen, Keep

        def answered(keep: Keep | None) -> None:
            if keep is Keep.MINE:
                self.write(editor, routine)
            elif keep is Keep.THEIRS:
                self.reopen(editor)
            elif keep is Keep.COPY:
                taken = editor.taken | {entry.id for entry in self.state.catalog.entries}
                self.write(editor, replace(routine, id=free_id(routine.name, taken)))

        if now is None:
            news = f"{opened.path} is gone, or can no longer be read, since you opened it."
        else:
            when = datetime.fromtimestamp(now.mtime_ns / 1e9).strftime("%H:%M")
            news = f"{opened.path} was changed by another program (at {when}) since you opened it."
        self.host.push_screen(DiskChangedScreen(news), answered)

    def write(self, editor: messages.SavingEditor, routine: Routine) -> None:
        """Write the editor's routine (in its file's own text where only values changed) and tell the editor."""
        from ..store.routines.draft import save_draft

        folder = locations.user_routines_dir()
        try:
            written = save_draft(editor.draft, routine, folder, self.state.catalog.library)
        except OSError as err:  # a read-only folder, a full disk: the edits stay in the editor to save again
            self.host.warn(f"Could not save to {folder}: {err.strerror or err}")
            return
        editor.saved(written)
        self.reload()

    def reopen(self, editor: messages.SavingEditor) -> None:
        """Drop the editor's edits and show its routine as its file is now."""
        draft = self.draft_of(editor.draft.opened.path, "reload")
        if draft is None:
            return
        editor.reopened(draft)
        self.reload()

    def delete(self, request: messages.DeleteRequested) -> None:
        """Delete one of the person's routines (the menu has asked first), and show the menu without it."""
        entry = request.entry
        try:
            delete_routine(entry)
        except OSError as err:
            self.host.warn(f"Could not delete {entry.path}: {err.strerror or err}")
        self.reload()
