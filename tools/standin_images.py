"""Local stand-ins for registry images, for machines that reach no container registry (like this one).

`python:3.12-slim-bookworm`, the Dockerfile's base, is rebuilt the way the official image is laid out: a Debian 12
minbase root file system (debootstrap from deb.debian.org) with the libraries CPython's modules load, and a
CPython 3.12 in /usr/local with `python`, `python3` and `pip` on PATH. The CPython is copied from this machine
(one built on Debian 12, e.g. by pyenv), which takes seconds where compiling it takes minutes. The stand-in gets
the official name, so `FROM python:3.12-slim-bookworm` resolves from local storage without a pull.

compose.yaml's `postgres:15` and `redis:7` are built from tools/standins/ on a `debian:bookworm-slim` stand-in
with Debian's own packages. `python -m tools.standin_images` builds every stand-in that is missing.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

PYTHON_BASE = "docker.io/library/python:3.12-slim-bookworm"
DEBIAN_BASE = "docker.io/library/debian:bookworm-slim"
# Image name: folder under tools/standins/ with its Containerfile, built on DEBIAN_BASE.
SERVICE_STANDINS = {"docker.io/library/postgres:15": "postgres", "docker.io/library/redis:7": "redis"}
STANDINS_DIR = Path(__file__).resolve().parent / "standins"
# How containers run on this machine: with runc, and limits it may set (podman's default nproc limit is more than
# this machine lets a container raise it to).
PODMAN = ["podman", "--runtime", "runc"]
LIMITS = ["--ulimit", "nofile=1024:1024", "--ulimit", "nproc=1024:1024"]
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


def debootstrap(rootfs, packages=()):
    """Lay a Debian 12 minbase root file system with ``packages`` into ``rootfs``."""
    include = [f"--include={','.join(packages)}"] if packages else []
    subprocess.run(
        ["debootstrap", "--variant=minbase", *include, "bookworm", rootfs, DEBIAN_MIRROR],
        check=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip


def import_rootfs(rootfs, name, changes):
    """Store ``rootfs`` in podman's local images as ``name``, with Dockerfile-style ``changes`` (ENV, CMD)."""
    archive = rootfs.parent / "rootfs.tar"
    subprocess.run(["tar", "--numeric-owner", "-C", rootfs, "-cf", archive, "."], check=True)
    command = ["podman", "import", "--quiet", *(arg for change in changes for arg in ("--change", change))]
    subprocess.run([*command, archive, name], check=True, stdout=subprocess.DEVNULL)


def require_root():
    if os.geteuid() != 0:
        raise StandInError("building a stand-in base image needs root (debootstrap and chroot)")


def build_python_base(name=PYTHON_BASE):
    """Build the stand-in for ``python:3.12-slim-bookworm`` and store it in podman's local images as ``name``."""
    require_root()
    prefix = host_python_312()
    version = subprocess.run(
        [prefix / "bin" / "python3.12", "-c", "import platform; print(platform.python_version())"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    # /var/tmp, not /tmp: the root file system is a few hundred MB and /tmp may be a small tmpfs.
    with tempfile.TemporaryDirectory(prefix="standin-python-", dir="/var/tmp") as workdir:
        rootfs = Path(workdir) / "rootfs"
        print(f"Building the stand-in {name}: debootstrap bookworm from {DEBIAN_MIRROR}, Python {version}", flush=True)
        debootstrap(rootfs, PYTHON_RUNTIME_PACKAGES)
        install_python(prefix, rootfs)
        slim_down(rootfs)
        path = "ENV PATH=/usr/local/bin:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin"
        import_rootfs(rootfs, name, [path, "ENV LANG=C.UTF-8", f"ENV PYTHON_VERSION={version}", 'CMD ["python3"]'])


def build_debian_base(name=DEBIAN_BASE):
    require_root()
    with tempfile.TemporaryDirectory(prefix="standin-debian-", dir="/var/tmp") as workdir:
        rootfs = Path(workdir) / "rootfs"
        print(f"Building the stand-in {name}: debootstrap bookworm from {DEBIAN_MIRROR}", flush=True)
        debootstrap(rootfs)
        slim_down(rootfs)
        import_rootfs(
            rootfs, name, ["ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", 'CMD ["bash"]']
        )


def build_service_standin(name):
    """Build ``name`` (a key of SERVICE_STANDINS) from its Containerfile, on the Debian stand-in."""
    if not image_exists(DEBIAN_BASE):
        build_debian_base()
    print(f"Building the stand-in {name} from tools/standins/{SERVICE_STANDINS[name]}", flush=True)
    subprocess.run(
        [*PODMAN, "build", "--pull=never", "--quiet", "--format", "docker", *LIMITS,
         "--tag", name, STANDINS_DIR / SERVICE_STANDINS[name]],
        check=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip


def main():
    builders = {PYTHON_BASE: build_python_base, **dict.fromkeys(SERVICE_STANDINS, build_service_standin)}
    try:
        for name, build in builders.items():
            if image_exists(name):
                print(f"{name} is already in podman's local images")
            else:
                build(name)
    except StandInError as error:
        sys.exit(f"Error: {error}")


if __name__ == "__main__":
    main()
