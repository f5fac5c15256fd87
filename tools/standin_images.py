"""Local stand-ins for registry images, for machines that reach no container registry (like this one).

`python:3.12-slim-bookworm`, the Dockerfile's base, is rebuilt the way the official image is laid out: a Debian 12
minbase root file system (debootstrap from deb.debian.org) with the libraries CPython's modules load, and a
CPython 3.12 in /usr/local with `python`, `python3` and `pip` on PATH. The CPython is copied from this machine
(one built on Debian 12, e.g. by pyenv), which takes seconds where compiling it takes minutes. The stand-in gets
the official name, so `FROM python:3.12-slim-bookworm` resolves from local storage without a pull.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

PYTHON_BASE = "docker.io/library/python:3.12-slim-bookworm"
DEBIAN_MIRROR = "http://deb.debian.org/debian"
# What the official slim image installs (ca-certificates, netbase, tzdata) plus the shared libraries that CPython's
# extension modules link against (ssl, sqlite3, ctypes, bz2, lzma, readline, curses, uuid, pyexpat).
PYTHON_RUNTIME_PACKAGES = [
    "ca-certificates", "netbase", "tzdata", "libssl3", "libsqlite3-0", "libffi8", "libbz2-1.0", "liblzma5",
    "zlib1g", "libreadline8", "libncursesw6", "libtinfo6", "libuuid1", "libexpat1",
]  # fmt: skip
# Imported inside the new root file system before it becomes an image: a missing library fails here, not in a build.
PYTHON_SELF_TEST = "import bz2, ctypes, hashlib, lzma, readline, sqlite3, ssl, uuid, zlib, pyexpat, pip"
# Left out of the copy like the official image leaves them out: test suites, caches, static libraries, and every
# third-party package but pip (the host's site-packages may hold machine-specific .pth files).
SKIPPED_NAMES = {"test", "tests", "idle_test", "__pycache__"}
SKIPPED_FILE = re.compile(r".*\.py[co]$|libpython.*\.a$")
KEPT_SITE_PACKAGES = re.compile(r"pip(-[\d.]+\.dist-info)?$")


class StandInError(RuntimeError):
    """A stand-in image could not be built; the message says what to install or change."""


def image_exists(name):
    return subprocess.run(["podman", "image", "exists", name], check=False).returncode == 0


def host_python_312():
    """The installation prefix of a self-contained CPython 3.12 on this machine (not Debian's /usr)."""
    running = sys.executable if sys.version_info[:2] == (3, 12) else None
    candidate = os.environ.get("STANDIN_PYTHON") or running or shutil.which("python3.12")
    if candidate is None:
        raise StandInError("no python3.12 on PATH to copy into the stand-in base image; set STANDIN_PYTHON")
    prefix = subprocess.run(
        [candidate, "-c", "import sys; assert sys.version_info[:2] == (3, 12); print(sys.base_prefix)"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if prefix.returncode != 0:
        raise StandInError(f"{candidate} is not a working Python 3.12; set STANDIN_PYTHON to one")
    path = Path(prefix.stdout.strip())
    if path in (Path("/usr"), Path("/")) or not (path / "bin" / "python3.12").exists():
        raise StandInError(f"{path} is not a self-contained installation (like pyenv's); set STANDIN_PYTHON to one")
    return path


def _skip(directory, names):
    if Path(directory).name == "site-packages":
        return [name for name in names if not KEPT_SITE_PACKAGES.match(name)]
    return [name for name in names if name in SKIPPED_NAMES or SKIPPED_FILE.match(name)]


def install_python(prefix, rootfs):
    """Copy the CPython at ``prefix`` to rootfs/usr/local, with scripts and names as the official image has them."""
    local = rootfs / "usr" / "local"
    shutil.copytree(prefix, local, symlinks=True, ignore=_skip, dirs_exist_ok=True)
    bin_dir = local / "bin"
    old_shebang = f"#!{prefix}/bin/".encode()
    for script in bin_dir.iterdir():
        if script.is_file() and not script.is_symlink():
            content = script.read_bytes()
            if content.startswith(old_shebang):
                script.write_bytes(b"#!/usr/local/bin/" + content[len(old_shebang) :])
    for short, target in [("python3", "python3.12"), ("python", "python3"), ("pip3", "pip3.12"), ("pip", "pip3")]:
        if not (bin_dir / short).exists():
            (bin_dir / short).symlink_to(target)
    # The interpreter finds libpython through the linker cache, whatever run path it was built with.
    subprocess.run(["chroot", rootfs, "ldconfig"], check=True)
    test = subprocess.run(["chroot", rootfs, "/usr/local/bin/python", "-c", PYTHON_SELF_TEST], check=False)
    if test.returncode != 0:
        raise StandInError(f"the Python copied from {prefix} does not run in Debian 12 (see the error above)")


def slim_down(rootfs):
    """Drop what Debian's slim images drop: package lists, downloaded packages, documentation, manuals."""
    for path in ["var/lib/apt/lists", "var/cache/apt", "usr/share/doc", "usr/share/man", "usr/share/info"]:
        shutil.rmtree(rootfs / path, ignore_errors=True)
        (rootfs / path).mkdir(parents=True)


def build_python_base(name=PYTHON_BASE):
    """Build the stand-in for ``python:3.12-slim-bookworm`` and store it in podman's local images as ``name``."""
    if os.geteuid() != 0:
        raise StandInError("building the stand-in base image needs root (debootstrap and chroot)")
    prefix = host_python_312()
    version = subprocess.run(
        [prefix / "bin" / "python3.12", "-c", "import platform; print(platform.python_version())"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    # /var/tmp, not /tmp: the root file system is a few hundred MB and /tmp may be a small tmpfs.
    with tempfile.TemporaryDirectory(prefix="standin-python-", dir="/var/tmp") as workdir:
        rootfs = Path(workdir) / "rootfs"
        print(f"Building the stand-in {name}: debootstrap bookworm from {DEBIAN_MIRROR}, Python {version}", flush=True)
        subprocess.run(
            ["debootstrap", "--variant=minbase", f"--include={','.join(PYTHON_RUNTIME_PACKAGES)}",
             "bookworm", rootfs, DEBIAN_MIRROR],
            check=True, stdout=subprocess.DEVNULL,
        )  # fmt: skip
        install_python(prefix, rootfs)
        slim_down(rootfs)
        archive = Path(workdir) / "rootfs.tar"
        subprocess.run(["tar", "--numeric-owner", "-C", rootfs, "-cf", archive, "."], check=True)
        changes = [
            "ENV PATH=/usr/local/bin:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin",
            "ENV LANG=C.UTF-8",
            f"ENV PYTHON_VERSION={version}",
            'CMD ["python3"]',
        ]
        command = ["podman", "import", *(arg for change in changes for arg in ("--change", change)), archive, name]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)


def main():
    try:
        if image_exists(PYTHON_BASE):
            print(f"{PYTHON_BASE} is already in podman's local images")
        else:
            build_python_base()
    except StandInError as error:
        sys.exit(f"Error: {error}")


if __name__ == "__main__":
    main()
