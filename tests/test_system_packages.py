"""`.ci/system-packages`, the one script `make test`, `make check-site` and .ci/run use to get the
Debian packages the tests need. Run here against stand-ins for id, dpkg, sudo and apt-get on an
empty PATH: it never touches the machine's real packages."""

import os
import subprocess
from pathlib import Path

from build_tools import ROOT

SCRIPT = ROOT / ".ci/system-packages"


def stand_in(bin_dir: Path, name: str, body: str) -> None:
    path = bin_dir / name
    path.write_text("#!/bin/bash\n" + body + "\n", encoding="utf-8")
    path.chmod(0o755)


def machine(tmp_path: Path, uid: int, sudo: bool = False) -> tuple[Path, dict]:
    """An empty machine: no chromium, fonts, zbarimg, node, npm or java; apt-get logs each call and
    'installs' a package by creating its commands (nodejs brings npm, as NodeSource's does)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "apt.log"
    stand_in(bin_dir, "id", f"echo {uid}")
    stand_in(bin_dir, "dpkg", f'[ -e "{tmp_path}/fonts-installed" ]')
    if sudo:
        stand_in(bin_dir, "sudo", '[ "$1" = -n ] && shift; [ "$1" = true ] && exit 0; exec "$@"')
    make = {"zbar-tools": ["zbarimg"], "nginx": ["nginx"], "openssh-server": ["sshd"], "openssh-client": ["ssh"],
            "rsync": ["rsync"], "nodejs": ["node", "npm"], "npm": ["npm"], "default-jre-headless": ["java"]}
    cases = "\n".join(f'  {pkg}) ' + "; ".join(f'printf "#!/bin/bash\\n" > "{bin_dir}/{c}"; /bin/chmod +x "{bin_dir}/{c}"' for c in cmds) + ";;"
                      for pkg, cmds in make.items())
    stand_in(bin_dir, "apt-get", f'echo "$*" >> "{log}"\n[ "$1" = install ] || exit 0\npkg="${{@: -1}}"\ncase "$pkg" in\n{cases}\n'
             f'  fonts-noto-cjk) : > "{tmp_path}/fonts-installed";;\n  chromium) : > "{tmp_path}/chromium"; /bin/chmod +x "{tmp_path}/chromium";;\nesac')
    env = {"PATH": str(bin_dir), "CHROMIUM": str(tmp_path / "chromium"), "HOME": str(tmp_path),
           "PORTAL_SBIN": str(tmp_path / "sbin")}
    return log, env


def run(env: dict, want: str = "test") -> subprocess.CompletedProcess:
    return subprocess.run(["/bin/bash", str(SCRIPT), want], env=env, capture_output=True, text=True)


def test_without_root_or_sudo_it_names_every_missing_package_at_once(tmp_path):
    log, env = machine(tmp_path, uid=1000)
    proc = run(env)
    assert proc.returncode == 1
    assert "chromium fonts-noto-cjk zbar-tools nginx openssh-server openssh-client rsync nodejs npm" in proc.stderr
    assert not log.exists()  # nothing was attempted


def test_as_root_it_installs_one_by_one_and_skips_npm_once_node_brought_it(tmp_path):
    log, env = machine(tmp_path, uid=0)
    proc = run(env)
    assert proc.returncode == 0, proc.stderr
    installs = [line.split()[-1] for line in log.read_text().splitlines() if line.startswith("install")]
    assert installs == ["chromium", "fonts-noto-cjk", "zbar-tools", "nginx", "openssh-server", "openssh-client", "rsync", "nodejs"]  # npm came with nodejs
    assert run(env).returncode == 0 and len(log.read_text().splitlines()) == 9  # update + 8 installs: nothing left to do


def test_with_sudo_it_installs_and_the_site_check_adds_java(tmp_path):
    log, env = machine(tmp_path, uid=1000, sudo=True)
    proc = run(env, "site")
    assert proc.returncode == 0, proc.stderr
    assert "install -y -qq --no-install-recommends default-jre-headless" in log.read_text()


def test_beside_a_preinstalled_node_it_leaves_node_and_npm_alone(tmp_path):
    log, env = machine(tmp_path, uid=0)
    for name in ("node", "npm"):
        stand_in(Path(env["PATH"]), name, "")
    assert run(env).returncode == 0
    assert not any(p in log.read_text() for p in ("nodejs", " npm"))


def test_a_package_apt_refuses_is_named_and_the_others_still_install(tmp_path):
    log, env = machine(tmp_path, uid=0)
    stand_in(Path(env["PATH"]), "apt-get", f'echo "$*" >> "{log}"; [ "${{@: -1}}" = chromium ] && exit 100; exit 0')
    proc = run(env)
    assert proc.returncode == 1 and "还缺这些系统软件包：chromium" in proc.stderr
    assert "zbar-tools" in log.read_text()


def test_make_and_ci_use_the_script():
    assert ".ci/system-packages test" in (ROOT / "Makefile").read_text(encoding="utf-8")
    assert ".ci/system-packages site" in (ROOT / ".ci/run").read_text(encoding="utf-8")
    assert os.access(SCRIPT, os.X_OK)
