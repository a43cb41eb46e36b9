"""The shipped nginx configuration (deploy/nginx/portal.conf) run for real on 127.0.0.1.

nginx runs as the current user with its own prefix, configuration, logs and temporary folders in
a temporary folder; only the paths and the port of the shipped server block are replaced. (Where
the tests run as root, as in CI's container, its workers keep that user instead of nginx's
default `nobody`, who could not read pytest's private temporary folders.)
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
CONF = ROOT / "deploy/nginx/portal.conf"


def server_block(site: Path, port: int) -> str:
    """portal.conf with the site's folder, the repository's header snippet and the port."""
    text = CONF.read_text(encoding="utf-8")
    text = text.replace("/srv/portal/current", str(site))
    text = text.replace("/etc/nginx/snippets/portal-headers.conf", str(ROOT / "deploy/nginx/portal-headers.conf"))
    text = re.sub(r"\n\s*listen \[::\]:80;", "", text)
    return text.replace("listen 80;", f"listen 127.0.0.1:{port};")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def nginx(site: Path):
    """Serve site with the shipped configuration; yields the base address (no trailing slash)."""
    prefix = Path(tempfile.mkdtemp(prefix="portal-nginx-"))
    port = free_port()
    temps = "\n".join(f"    {kind}_temp_path {prefix / kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    (prefix / "nginx.conf").write_text(
        ("user root root;\n" if os.geteuid() == 0 else "") +
        f"daemon off;\nworker_processes 1;\npid {prefix / 'nginx.pid'};\nerror_log {prefix / 'error.log'} warn;\n"
        f"events {{ worker_connections 256; }}\nhttp {{\n    access_log {prefix / 'access.log'};\n{temps}\n"
        f"{server_block(Path(site).absolute(), port)}\n}}\n",
        encoding="utf-8",
    )
    proc = subprocess.Popen([NGINX, "-p", str(prefix), "-c", str(prefix / "nginx.conf"), "-e", str(prefix / "error.log")],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        _wait_for(port, proc, prefix)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        shutil.rmtree(prefix, ignore_errors=True)


def _wait_for(port: int, proc: subprocess.Popen, prefix: Path) -> None:
    for _ in range(200):
        if proc.poll() is not None:
            log = (prefix / "error.log").read_text() if (prefix / "error.log").exists() else ""
            raise RuntimeError(f"nginx did not start: {proc.stdout.read()} {log}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("nginx did not open its port")
