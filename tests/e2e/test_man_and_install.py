"""The generated man pages lint clean and render with man(1); `cmake --install` and the .deb carry the binary,
the pages and the three completion scripts. Needs TWCTL_BUILD_DIR (CTest sets it)."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def build_dir() -> Path:
    d = os.environ.get("TWCTL_BUILD_DIR")
    if not d:
        pytest.fail("TWCTL_BUILD_DIR is not set: point it at the CMake build folder")
    return Path(d)


@pytest.fixture(scope="module")
def pages(build_dir) -> list[Path]:
    found = sorted((build_dir / "cli" / "generated" / "man").glob("*.1"))
    assert found, "no generated man pages"
    return found


def commands(prefix: list[str]) -> list[list[str]]:
    """Every visible command, found through completion (the same tree the pages come from)."""
    out = subprocess.run([os.environ["TWCTL_BIN"], "__complete", *prefix, ""], capture_output=True, text=True,
                         check=True).stdout
    subs = [line.split("\t")[0] for line in out.splitlines()[:-1]]
    found = []
    for s in subs:
        found.append(prefix + [s])
        found.extend(commands(prefix + [s]))
    return found


def test_every_command_has_a_page(pages):
    names = {p.name for p in pages}
    expected = {"twctl.1"} | {"-".join(["twctl", *c]) + ".1" for c in commands([])}
    assert "twctl-workflow-start.1" in expected and "twctl-help-exit-codes.1" in expected
    assert names == expected


def test_pages_lint_clean_with_mandoc_and_groff(pages):
    for page in pages:
        lint = subprocess.run(["mandoc", "-T", "lint", "-W", "warning", str(page)], capture_output=True, text=True)
        assert lint.returncode == 0 and lint.stdout + lint.stderr == "", f"{page.name}: {lint.stdout}{lint.stderr}"
        groff = subprocess.run(["groff", "-man", "-ww", "-z", str(page)], capture_output=True, text=True)
        assert groff.returncode == 0 and groff.stderr == "", f"{page.name}: {groff.stderr}"


def test_man_shows_a_page_with_its_sections(pages):
    page = next(p for p in pages if p.name == "twctl-workflow-start.1")
    r = subprocess.run(["man", "-l", str(page)], capture_output=True, text=True,
                       env=dict(os.environ, MANPAGER="cat", PAGER="cat", MANWIDTH="100"))
    assert r.returncode == 0, r.stderr
    text = r.stdout
    for section in ("NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "EXAMPLES", "ENVIRONMENT", "FILES",
                    "EXIT STATUS", "SEE ALSO"):
        assert f"\n{section}\n" in text, section
    # The NAME line may wrap at the page width.
    assert ("twctl-workflow-start - Start a workflow execution and print its IDs, or one per line of a file"
            in " ".join(text.split()))
    assert "--task-queue" in text and "TEMPORAL_ADDRESS" in text and "update_failed" in text


def test_help_exit_codes_matches_the_man_pages(pages):
    table = subprocess.run([os.environ["TWCTL_BIN"], "help", "exit-codes", "-o", "json"], capture_output=True,
                           text=True, check=True).stdout
    rows = json.loads(table)
    text = (pages[0].parent / "twctl.1").read_text()
    for row in rows[1:]:
        assert f".B {row['code']}\n{row['name']}:" in text


EXPECTED_FILES = [
    "bin/twctl",
    "share/man/man1/twctl.1",
    "share/man/man1/twctl-workflow-start.1",
    "share/bash-completion/completions/twctl",
    "share/zsh/site-functions/_twctl",
    "share/fish/vendor_completions.d/twctl.fish",
]


def test_cmake_install_puts_every_file_in_place(build_dir, tmp_path):
    prefix = tmp_path / "prefix"
    r = subprocess.run(["cmake", "--install", str(build_dir), "--prefix", str(prefix)], capture_output=True,
                       text=True)
    assert r.returncode == 0, r.stderr
    for f in EXPECTED_FILES:
        assert (prefix / f).is_file(), f
    assert (prefix / "share/bash-completion/completions/twctl").read_text() == subprocess.run(
        [os.environ["TWCTL_BIN"], "completion", "bash"], capture_output=True, text=True, check=True).stdout


def test_cpack_builds_a_deb_with_every_file(build_dir, tmp_path):
    r = subprocess.run(["cpack", "-G", "DEB", "-B", str(tmp_path), "--config", str(build_dir / "CPackConfig.cmake")],
                       capture_output=True, text=True, cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    debs = list(tmp_path.glob("*.deb"))
    assert len(debs) == 1, r.stdout
    listing = subprocess.run(["dpkg-deb", "-c", str(debs[0])], capture_output=True, text=True, check=True).stdout
    for f in EXPECTED_FILES:
        assert f" ./usr/{f}\n" in listing, f
    info = subprocess.run(["dpkg-deb", "-f", str(debs[0]), "Package", "Version"], capture_output=True, text=True,
                          check=True).stdout
    assert "Package: twctl" in info
