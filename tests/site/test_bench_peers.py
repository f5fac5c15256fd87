"""make bench-peers (tools/peer/): without a bakerydemo checkout it says how to get one, and fails at once."""

import os
import subprocess

import pytest

from tests.support.seed import ROOT

CLONE = "git clone https://github.com/wagtail/bakerydemo.git"


def make_bench_peers(*args):
    env = {key: value for key, value in os.environ.items() if key != "BAKERYDEMO"}
    return subprocess.run(
        ["make", "--no-print-directory", "bench-peers", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )


def test_without_bakerydemo_it_says_how_to_get_one_and_fails():
    result = make_bench_peers()
    assert result.returncode != 0
    assert CLONE in result.stderr
    assert "make bench-peers BAKERYDEMO=" in result.stderr
    assert "Creating" not in result.stdout + result.stderr  # it stopped before setting anything up


@pytest.mark.parametrize("folder", ["", "tests"])
def test_a_folder_that_is_not_a_checkout_is_refused(folder):
    result = make_bench_peers(f"BAKERYDEMO={folder}")
    assert result.returncode != 0
    assert (CLONE if not folder else "BAKERYDEMO=tests is not a checkout of") in result.stderr
