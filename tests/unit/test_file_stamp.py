"""A routine file's stamp: what tells the editor that another program changed the file it opened."""

from __future__ import annotations

import os

from backfit_tui.store.file_stamp import FileStamp, read_stamp


def test_a_file_read_again_unchanged_has_the_same_stamp(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_bytes(b'name = "Mine"\n')
    stamp = read_stamp(path)
    assert stamp == FileStamp.of(path, b'name = "Mine"\n')
    assert stamp.same_bytes(read_stamp(path))


def test_other_bytes_of_the_same_size_and_time_are_a_change(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_bytes(b"hold = 20\n")
    stamp = read_stamp(path)
    path.write_bytes(b"hold = 30\n")  # within the clock's grain: the same time, the same size
    os.utime(path, ns=(stamp.mtime_ns, stamp.mtime_ns))
    now = read_stamp(path)
    assert (now.mtime_ns, now.size) == (stamp.mtime_ns, stamp.size)
    assert not stamp.same_bytes(now)


def test_a_file_only_touched_is_no_change_and_a_file_gone_is_one(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_bytes(b"hold = 20\n")
    stamp = read_stamp(path)
    os.utime(path, ns=(stamp.mtime_ns + 5 * 10**9, stamp.mtime_ns + 5 * 10**9))
    assert read_stamp(path).mtime_ns != stamp.mtime_ns
    assert stamp.same_bytes(read_stamp(path))
    path.unlink()
    assert read_stamp(path) is None
    assert not stamp.same_bytes(read_stamp(path))


def test_a_file_that_became_a_pipe_is_a_change_and_never_waits(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_bytes(b"hold = 20\n")
    stamp = read_stamp(path)
    path.unlink()
    os.mkfifo(path)
    assert not stamp.same_bytes(read_stamp(path))
