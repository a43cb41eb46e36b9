#!/bin/sh
# make deploy TARGET=用户@服务器:/srv/portal   — copy site/ to the server as a new release, switch to it
# make rollback TARGET=用户@服务器:/srv/portal — back to the release before
# Options (environment): SITE (default site), SSH (default "ssh"; e.g. "ssh -p 2222 -i ~/.ssh/portal"),
# RELOAD (a command run on the server when the release's Content-Security-Policy changed, e.g.
# "sudo systemctl reload nginx"; nginx reads it at start and reload: deploy/nginx/portal.conf).
# The copy goes into releases/<时间>.partial/ by rsync (unchanged files hard-linked from the current
# release); only when it has fully arrived does deploy/release.sh rename it and switch `current`.
set -eu

say() { printf '%s\n' "$*"; }
usage() { say "用法：make deploy TARGET=用户@服务器:/绝对路径（如 deploy@web1:/srv/portal），或 make rollback TARGET=…" >&2; exit 2; }

action=${1:-}
target=${2:-}
[ -n "$target" ] || usage
case "$target" in *:/*) ;; *) usage ;; esac
host=${target%%:*}
base=${target#*:}
# The path is used in a shell on the server: letters, digits and ._/- only.
case "$base" in *[!A-Za-z0-9._/-]*|*..*) say "服务器上的路径只能用字母、数字和 ._/-，收到 $base" >&2; exit 2 ;; esac
case "$host" in -*|*[!A-Za-z0-9._@-]*) say "服务器地址只能用字母、数字和 ._@-，收到 $host" >&2; exit 2 ;; esac
here=$(cd "$(dirname "$0")" && pwd)
SSH=${SSH:-ssh}
RELOAD=${RELOAD:-}

remote() {  # remote ACTION ARGS…: deploy/release.sh on the server
    $SSH "$host" sh -s -- "$@" < "$here/release.sh"
}

reload_if() {
    case "$1" in
        *csp-changed*)
            if [ -n "$RELOAD" ]; then
                $SSH "$host" "$RELOAD" && say "已重新加载 nginx（新的内容安全策略）。"
            else
                say "注意：这一版的内容安全策略（.nginx/csp.conf）变了，请在服务器上重新加载 nginx（如 sudo systemctl reload nginx），或下次用 RELOAD=… 让部署自动做。"
            fi ;;
    esac
}

case "$action" in
    deploy)
        site=${SITE:-site}
        [ -f "$site/index.html" ] && [ -f "$site/.nginx/csp.conf" ] || { say "没有找到构建好的网站 $site/：请先运行 make build。" >&2; exit 1; }
        release=$(date -u +%Y%m%dT%H%M%SZ)-$$
        current=$(remote prepare "$base")
        link=""
        [ -z "$current" ] || link="--link-dest=$base/releases/$current/"
        # Compared by content (-c), not time: every build writes every file anew, and a file equal to
        # the current release's is hard-linked to it instead of copied (no -t: mtimes differ anyway).
        # shellcheck disable=SC2086  # $link is one option or nothing
        rsync -rlpc --delete $link -e "$SSH" "$site/" "$host:$base/releases/$release.partial/" \
            || { say "部署失败：复制到服务器时出错，网站没有切换（仍是原来的版本）。" >&2; exit 1; }
        out=$(remote activate "$base" "$release") || { say "$out" >&2; exit 1; }
        say "$out" | grep -v '^csp-changed$' || true
        reload_if "$out" ;;
    rollback)
        out=$(remote rollback "$base") || exit 1
        say "$out" | grep -v '^csp-changed$' || true
        reload_if "$out" ;;
    *) usage ;;
esac
