#!/usr/bin/env bash
# Runs every "$ solyte …" example of docs/cli.md, in order, from a scratch folder that sees the
# repository's examples/; each must exit 0 and print or write something.
# Usage: docs_examples.sh SOLYTE ROOT
set -u
solyte=$1
root=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ln -s "$root/examples" "$work/examples"
cd "$work" || exit 1
fail=0
count=0
while IFS= read -r line; do
  cmd=${line#'$ solyte '}
  count=$((count + 1))
  # Word splitting and globbing as a shell would do for the documented command.
  if ! out=$(eval "\"$solyte\" $cmd" 2>&1); then
    echo "FAIL: solyte $cmd"; echo "$out" | head -5; fail=1
  else
    echo "ok: solyte $cmd"
  fi
done < <(grep '^\$ solyte ' "$root/docs/cli.md")
[ "$count" -gt 5 ] || { echo "FAIL: only $count examples found in docs/cli.md"; fail=1; }
exit $fail
