#!/bin/sh
# The server's side of `make deploy` / `make rollback` (deploy/deploy.sh sends it over ssh and runs
# it with `sh -s`); POSIX sh, coreutils and gzip only. Layout under BASE:
#   releases/<时间>/   one folder per release (a release being copied is releases/<时间>.partial/)
#   current  -> releases/<时间>   what nginx serves (root BASE/current); switched atomically
#   previous -> releases/<时间>   the release before it, kept for `make rollback`
# A switch is `ln -s` to a new name and `mv -T` over the old link: rename(2) replaces it in one
# step, so a visitor gets the old site or the new one, never a mixture or nothing.
set -eu

say() { printf '%s\n' "$*"; }
fail() { say "部署失败：$*" >&2; exit 1; }

relink() {  # relink NAME TARGET: BASE/NAME -> TARGET, atomically
    ln -s "$2" "$BASE/.$1.new"
    mv -T "$BASE/.$1.new" "$BASE/$1"
}

precompress() {  # file.gz beside each text file, for nginx's gzip_static (-n: same bytes every time)
    find "$1" -type f -size +1k \( -name '*.html' -o -name '*.css' -o -name '*.js' -o -name '*.json' \
        -o -name '*.xml' -o -name '*.svg' -o -name '*.ics' -o -name '*.csv' -o -name '*.yaml' \) \
        ! -path '*/pagefind/*' -exec gzip -k -n -9 -f {} +
}

prepare() {  # releases/ exists, no half-copied release is left; prints the current release's name
    mkdir -p "$BASE/releases"
    rm -rf "$BASE"/releases/*.partial
    if [ -L "$BASE/current" ]; then basename "$(readlink "$BASE/current")"; fi
}

activate() {  # the copied release becomes current; the one before it previous; older ones go
    new="$BASE/releases/$1.partial"
    [ -f "$new/index.html" ] && [ -f "$new/.nginx/csp.conf" ] || fail "$new 不是完整构建的网站（缺少 index.html 或 .nginx/csp.conf）"
    precompress "$new"
    mv -T "$new" "$BASE/releases/$1"
    old=""
    if [ -L "$BASE/current" ]; then old=$(readlink "$BASE/current"); fi
    relink current "releases/$1"
    if [ -n "$old" ] && [ "$old" != "releases/$1" ]; then relink previous "$old"; fi
    keep_two
    if [ -n "$old" ] && ! cmp -s "$BASE/$old/.nginx/csp.conf" "$BASE/releases/$1/.nginx/csp.conf"; then
        say "csp-changed"
    fi
    say "已上线：releases/$1${old:+（上一版 $old 保留，可用 make rollback 退回）}"
}

rollback() {  # current and previous change places
    [ -L "$BASE/previous" ] || fail "没有可以退回的上一版（$BASE/previous 不存在）"
    prev=$(readlink "$BASE/previous")
    cur=$(readlink "$BASE/current")
    [ -f "$BASE/$prev/index.html" ] || fail "上一版 $prev 不完整，没有退回"
    relink current "$prev"
    relink previous "$cur"
    if ! cmp -s "$BASE/$prev/.nginx/csp.conf" "$BASE/$cur/.nginx/csp.conf"; then say "csp-changed"; fi
    say "已退回到 $prev（刚才的 $cur 保留为 previous，再运行一次 make rollback 可以回到它）"
}

keep_two() {  # every release but current and previous is removed
    cur=$(basename "$(readlink "$BASE/current")")
    prev=""
    if [ -L "$BASE/previous" ]; then prev=$(basename "$(readlink "$BASE/previous")"); fi
    for dir in "$BASE"/releases/*; do
        name=$(basename "$dir")
        [ "$name" = "$cur" ] || [ "$name" = "$prev" ] || rm -rf "$dir"
    done
}

action=$1
BASE=$2
case "$action" in
    prepare) prepare ;;
    activate) activate "$3" ;;
    rollback) rollback ;;
    *) fail "未知的操作 $action" ;;
esac
