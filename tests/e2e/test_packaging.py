"""The wheel carries the bundled routines and chimes, and an installed backfit finds them."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def unpacked_wheel(tmp_path_factory) -> Path:
    """The project built into a wheel (as pip installs it) and unpacked, away from the checkout."""
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", str(ROOT), "-w", str(out)],
        check=True, capture_output=True,
    )  # fmt: skip
    wheel = next(out.glob("backfit-*.whl"))
    target = out / "site"
    zipfile.ZipFile(wheel).extractall(target)
    return target


def test_the_wheel_carries_every_bundled_routine_the_library_and_the_chimes(unpacked_wheel):
    bundled = unpacked_wheel / "backfit_tui" / "bundled"
    shipped = sorted(p.name for p in (bundled / "routines").glob("*.toml"))
    assert shipped == sorted(p.name for p in (ROOT / "routines").glob("*.toml"))
    assert (bundled / "routines" / "library" / "exercises.toml").is_file()
    shipped_chimes = sorted(p.name for p in (bundled / "sounds").glob("*.wav"))
    assert shipped_chimes == sorted(p.name for p in (ROOT / "sounds").glob("*.wav")) and shipped_chimes


def test_an_installed_backfit_finds_its_bundled_routines_inside_the_package(unpacked_wheel, tmp_path):
    code = (
        "from backfit_tui.store import locations; from backfit_tui.store.routines.catalog import load_catalog;"
        "print(locations.bundled_routines_dir()); print(len(load_catalog().entries))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True,
        env={"PYTHONPATH": str(unpacked_wheel), "BACKFIT_DATA_DIR": str(tmp_path), "PATH": ""},
    )  # fmt: skip
    folder, count = result.stdout.split()
    assert Path(folder) == unpacked_wheel / "backfit_tui" / "bundled" / "routines"
    assert int(count) == len(list((ROOT / "routines").glob("*.toml")))
