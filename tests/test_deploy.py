"""`make deploy` and `make rollback` against a real sshd on 127.0.0.1 started by the test.

The sshd runs from a temporary folder with its own host key, port and authorized_keys; the client
trusts exactly that host key. Two deploys and a rollback; a copy that fails switches nothing.
"""

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest

from build_tools import ROOT

SSHD = "/usr/sbin/sshd"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def sshd(tmp_path_factory):
    """(ssh command, user@host) of an sshd on 127.0.0.1 that lets the current user in by key."""
    tmp = tmp_path_factory.mktemp("sshd")
    for key in ("host", "client"):
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(tmp / key)], check=True)
    shutil.copy(tmp / "client.pub", tmp / "authorized_keys")
    port = free_port()
    (tmp / "sshd_config").write_text(
        f"Port {port}\nListenAddress 127.0.0.1\nHostKey {tmp / 'host'}\nAuthorizedKeysFile {tmp / 'authorized_keys'}\n"
        f"PidFile {tmp / 'sshd.pid'}\nStrictModes no\nUsePAM no\nPasswordAuthentication no\nKbdInteractiveAuthentication no\n"
        "PubkeyAuthentication yes\nPermitRootLogin prohibit-password\n", encoding="utf-8")
    host_key = (tmp / "host.pub").read_text().split()
    (tmp / "known_hosts").write_text(f"[127.0.0.1]:{port} {host_key[0]} {host_key[1]}\n")
    if os.geteuid() == 0:
        Path("/run/sshd").mkdir(exist_ok=True)  # sshd started as root needs its privilege-separation folder
    proc = subprocess.Popen([SSHD, "-D", "-e", "-f", str(tmp / "sshd_config")], stderr=subprocess.PIPE, text=True)
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            assert proc.poll() is None, proc.stderr.read()
            time.sleep(0.05)
    ssh = (f"ssh -p {port} -i {tmp / 'client'} -o IdentitiesOnly=yes -o BatchMode=yes "
           f"-o StrictHostKeyChecking=yes -o UserKnownHostsFile={tmp / 'known_hosts'}")
    user = subprocess.run(["id", "-un"], capture_output=True, text=True, check=True).stdout.strip()
    yield ssh, f"{user}@127.0.0.1"
    proc.terminate()
    proc.wait(timeout=10)


def site(folder: Path, word: str) -> Path:
    """A small built site: pages, a stylesheet, the CSP snippet."""
    (folder / "assets").mkdir(parents=True)
    (folder / ".nginx").mkdir()
    (folder / "index.html").write_text(f"<!doctype html><title>{word}</title>" + "<p>关爱留守儿童</p>" * 200, encoding="utf-8")
    (folder / "assets/portal.css").write_text("body{}\n")
    tag = word.encode("utf-8").hex()  # headers are ASCII
    (folder / ".nginx/csp.conf").write_text(f'add_header Content-Security-Policy "default-src \'self\'; x-{tag}" always;\n')
    return folder


def make(action, target, ssh, site_dir=None, **env):
    env = {**os.environ, "SSH": ssh, **({"SITE": str(site_dir)} if site_dir else {}), **env}
    return subprocess.run(["make", "-s", action, f"TARGET={target}"], cwd=ROOT, env=env, capture_output=True, text=True)


def served(base: Path) -> str:
    return (base / "current/index.html").read_text(encoding="utf-8")[:40]


def test_two_deploys_and_a_rollback(sshd, tmp_path):
    ssh, login = sshd
    base = tmp_path / "srv/portal"
    target = f"{login}:{base}"
    first = make("deploy", target, ssh, site(tmp_path / "one", "第一版"))
    assert first.returncode == 0, first.stderr
    assert "已上线：releases/" in first.stdout
    assert "<title>第一版</title>" in served(base)
    assert (base / "current").is_symlink() and not (base / "previous").exists()
    assert (base / "current/index.html.gz").is_file()  # precompressed for gzip_static
    assert not (base / "current/assets/portal.css.gz").exists()  # under 1 KB: not worth it

    second = make("deploy", target, ssh, site(tmp_path / "two", "第二版"))
    assert second.returncode == 0, second.stderr
    assert "<title>第二版</title>" in served(base)
    assert "内容安全策略" in second.stdout  # its CSP differs: nginx must be reloaded
    assert os.readlink(base / "previous") != os.readlink(base / "current")
    unchanged = [base / os.readlink(base / n) / "assets/portal.css" for n in ("current", "previous")]
    assert unchanged[0].stat().st_ino == unchanged[1].stat().st_ino  # hard-linked, not copied again

    third = make("deploy", target, ssh, site(tmp_path / "three", "第三版"))
    assert third.returncode == 0, third.stderr
    assert len(list((base / "releases").iterdir())) == 2  # current and previous only

    back = make("rollback", target, ssh)
    assert back.returncode == 0, back.stderr
    assert "已退回到" in back.stdout and "<title>第二版</title>" in served(base)
    again = make("rollback", target, ssh)
    assert again.returncode == 0 and "<title>第三版</title>" in served(base)


def test_a_failed_copy_switches_nothing(sshd, tmp_path):
    """The copy breaks (here: the connection rsync uses reports a failure once the files are over):
    current still serves the old release, and the next deploy clears the half-copied folder."""
    ssh, login = sshd
    base = tmp_path / "srv/portal"
    assert make("deploy", f"{login}:{base}", ssh, site(tmp_path / "one", "第一版")).returncode == 0
    breaking = tmp_path / "breaking-ssh"
    breaking.write_text('#!/bin/sh\ncase "$*" in *"rsync --server"*) ssh "$@"; exit 1 ;; esac\nexec ssh "$@"\n')
    failed = make("deploy", f"{login}:{base}", f"sh {breaking} " + ssh.removeprefix("ssh "), site(tmp_path / "two", "第二版"))
    assert failed.returncode != 0
    assert "复制到服务器时出错，网站没有切换" in failed.stderr
    assert "<title>第一版</title>" in served(base)
    assert [p.name.endswith(".partial") for p in (base / "releases").iterdir()].count(True) == 1
    assert make("deploy", f"{login}:{base}", ssh, site(tmp_path / "three", "第三版")).returncode == 0
    assert not [p for p in (base / "releases").iterdir() if p.name.endswith(".partial")]


def test_a_site_that_was_not_built_is_not_deployed(sshd, tmp_path):
    ssh, login = sshd
    (tmp_path / "empty").mkdir()
    done = make("deploy", f"{login}:{tmp_path / 'srv'}", ssh, tmp_path / "empty")
    assert done.returncode != 0 and "请先运行 make build" in done.stderr
    assert not (tmp_path / "srv").exists()


@pytest.mark.parametrize("target", ["", "web1", "web1:relative/path", "web1:/srv/portal;rm -rf ~", "-oProxyCommand=x:/srv"])
def test_a_bad_target_is_a_usage_error(target):
    done = subprocess.run(["sh", "deploy/deploy.sh", "deploy", target], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 2 and done.stderr.strip() and "Traceback" not in done.stderr


def test_nginx_serves_the_current_release_through_the_link(sshd, tmp_path):
    """The shipped nginx configuration with root …/current (a symlink) serves what the switch chose."""
    import urllib.request

    from tests.nginx import nginx

    ssh, login = sshd
    base = tmp_path / "srv/portal"
    assert make("deploy", f"{login}:{base}", ssh, site(tmp_path / "one", "第一版")).returncode == 0
    with nginx(base / "current") as url:
        page = urllib.request.urlopen(url + "/", timeout=10)
        assert "<title>第一版</title>" in page.read().decode("utf-8")
        assert "x-" + "第一版".encode("utf-8").hex() in page.headers["Content-Security-Policy"]
        assert make("deploy", f"{login}:{base}", ssh, site(tmp_path / "two", "第二版")).returncode == 0
        assert "<title>第二版</title>" in urllib.request.urlopen(url + "/", timeout=10).read().decode("utf-8")
        gz = urllib.request.urlopen(urllib.request.Request(url + "/", headers={"Accept-Encoding": "gzip"}), timeout=10)
        assert gz.read() == (base / "current/index.html.gz").read_bytes()  # the precompressed file, as it is
