"""make image-smoke: build the real Dockerfile with podman and prove the container serves the site like production.

There is no Docker engine and no registry here. podman (with runc) builds the image; its base comes from local storage,
where tools/standin_images.py puts a stand-in when it is missing. The image's `release` step runs in a one-off
container, then gunicorn (the image's default command) in another, both on one SQLite database in a volume. The
checks of tools/site_check.py run from the host and from inside the container, then the user the server runs as and
the image's HEALTHCHECK. Containers and the volume are removed on every exit, failed or not.
"""

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.support.seed import ROOT
from tests.support.servers import free_port, production_env, wait_until_up
from tools import site_check, standin_images
from tools.standin_images import LIMITS, PODMAN

IMAGE = "localhost/restoration:smoke"
APP_UID = 10001
DATA = "/data"
# Handed to the containers by name (`--env NAME`), so secret values never appear on a command line.
CONTAINER_ENV = {
    "DATABASE_URL": f"sqlite:///{DATA}/db.sqlite3",
    "GUNICORN_WORKERS": "2",
}
PASSED_ENV = [
    "DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "INQUIRY_ENCRYPTION_KEYS", "DJANGO_SECURE_SSL_REDIRECT",
    "DJANGO_LOG_LEVEL", *CONTAINER_ENV,
]  # fmt: skip
# pip in the build must trust the certificate authorities this machine trusts (which matters behind a TLS-inspecting
# proxy): the host's CA bundle and a pip configuration pointing at it are mounted for the build only. podman leaves
# an empty /etc/pip.conf behind as the mount point; nothing of the host ends up in the image.
PIP_CONF = "[global]\ncert = /etc/ssl/certs/ca-certificates.crt\n"


class SmokeError(RuntimeError):
    """The image or the container did not do what production needs; the message says what."""


def podman(*args, **kwargs):
    return subprocess.run([*PODMAN, *args], check=True, **kwargs)


def image_id(name):
    found = subprocess.run(["podman", "image", "inspect", "--format", "{{.Id}}", name], capture_output=True, text=True)
    return found.stdout.strip() if found.returncode == 0 else None


def build_image(workdir):
    """Build the Dockerfile; drop the image it replaces, so repeated runs do not pile up untagged images."""
    previous = image_id(IMAGE)
    pip_conf = workdir / "pip.conf"
    pip_conf.write_text(PIP_CONF)
    podman(
        "build", "--pull=never", *LIMITS,
        # HEALTHCHECK exists only in the Docker image format; podman's default (OCI) would drop it.
        "--format", "docker",
        "--volume", "/etc/ssl/certs:/etc/ssl/certs:ro", "--volume", f"{pip_conf}:/etc/pip.conf:ro",
        "--tag", IMAGE, str(ROOT),
    )  # fmt: skip
    current = image_id(IMAGE)
    if previous and previous != current:
        subprocess.run(["podman", "rmi", previous], check=False, capture_output=True)


def container_uids(name):
    """Real, effective, saved and file-system uid of the container's main process."""
    status = podman("exec", name, "cat", "/proc/1/status", capture_output=True, text=True).stdout
    return {int(uid) for line in status.splitlines() if line.startswith("Uid:") for uid in line.split()[1:]}


def check_container(name, base_url):
    print(f"Checks from the host, {base_url}:", flush=True)
    failures = site_check.check(base_url)
    print("Checks inside the container, http://127.0.0.1:8000:", flush=True)
    source = Path(site_check.__file__).read_bytes()
    inside = subprocess.run([*PODMAN, "exec", "-i", name, "python", "-", "http://127.0.0.1:8000"], input=source)
    if inside.returncode != 0:
        failures.append("checks inside the container")
    uids = container_uids(name)
    print(f"  {'ok  ' if uids == {APP_UID} else 'FAIL'} gunicorn runs as uid {APP_UID} (got {sorted(uids)})")
    if uids != {APP_UID}:
        failures.append(f"container user is {sorted(uids)}, not {APP_UID}")
    health = subprocess.run([*PODMAN, "healthcheck", "run", name], capture_output=True, text=True)
    healthy = health.returncode == 0
    print(f"  {'ok  ' if healthy else 'FAIL'} the image's HEALTHCHECK passes (podman healthcheck run)", flush=True)
    if not healthy:
        failures.append(f"HEALTHCHECK: {(health.stdout + health.stderr).strip()}")
    if failures:
        raise SmokeError("image smoke test failed: " + "; ".join(failures))


def smoke(workdir, timings):
    """Build, release, serve, check. ``timings`` collects seconds per phase."""
    started = time.monotonic()
    if standin_images.image_exists(standin_images.PYTHON_BASE):
        print(f"Base image {standin_images.PYTHON_BASE}: found in local storage", flush=True)
    else:
        standin_images.build_python_base()
        timings["base image (stand-in) build"] = time.monotonic() - started

    started = time.monotonic()
    build_image(workdir)
    timings["image build"] = time.monotonic() - started

    env = production_env(workdir, CONTAINER_ENV)
    env_args = [arg for name in PASSED_ENV for arg in ("--env", name)]
    suffix = f"{os.getpid()}-{int(time.time())}"
    volume, name = f"restoration-smoke-data-{suffix}", f"restoration-smoke-{suffix}"
    podman("volume", "create", volume, stdout=subprocess.DEVNULL)
    try:
        # :U hands the fresh volume to the image's unprivileged user, as an operator's chown would.
        mount = ["--volume", f"{volume}:{DATA}:U"]
        started = time.monotonic()
        podman(  # a one-off with no HTTP server: the image's HEALTHCHECK means nothing here
            "run", "--rm", "--no-healthcheck", *LIMITS, *env_args, *mount, IMAGE, "release",
            env=env, stdout=subprocess.DEVNULL,
        )  # fmt: skip
        timings["release step"] = time.monotonic() - started

        started = time.monotonic()
        port = free_port()
        # podman runs health checks on a systemd timer and there is no systemd here: run it on demand instead.
        podman(
            "run", "--detach", "--name", name, *LIMITS, *env_args, *mount, "--health-interval", "disable",
            "--publish", f"127.0.0.1:{port}:8000", IMAGE,
            env=env, stdout=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            base_url = f"http://127.0.0.1:{port}"
            try:
                wait_until_up(base_url, timeout=60)
            except RuntimeError as error:
                raise SmokeError(f"image smoke test failed: {error}") from None
            timings["start until /healthz answers"] = time.monotonic() - started
            started = time.monotonic()
            check_container(name, base_url)
            timings["checks"] = time.monotonic() - started
        except Exception:
            print("Last lines of the container's log:", file=sys.stderr)
            subprocess.run([*PODMAN, "logs", "--tail", "40", name], check=False)
            raise
        finally:
            subprocess.run([*PODMAN, "rm", "--force", "--time", "5", name], check=False, capture_output=True)
    finally:
        subprocess.run(["podman", "volume", "rm", "--force", volume], check=False, capture_output=True)


def main():
    timings = {}
    started = time.monotonic()
    try:
        with tempfile.TemporaryDirectory(prefix="image-smoke-") as workdir:
            smoke(Path(workdir), timings)
    except (SmokeError, standin_images.StandInError) as error:
        sys.exit(f"Error: {error}")
    except subprocess.CalledProcessError as error:
        sys.exit(f"Error: image smoke test failed: {' '.join(map(str, error.cmd[:4]))}… exited with {error.returncode}")
    finally:
        timings["total"] = time.monotonic() - started
        print("Timings: " + ", ".join(f"{phase} {seconds:.1f} s" for phase, seconds in timings.items()))
    print(f"Image smoke test passed: {IMAGE}")


if __name__ == "__main__":
    main()
