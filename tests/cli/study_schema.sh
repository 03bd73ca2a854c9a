#!/usr/bin/env bash
# docs/study.md carries the results schema exactly as `solyte study --schema` prints it.
set -euo pipefail
solyte=$1
root=$2
diff <(sed -n '/^<!-- schema -->$/,$p' "$root/docs/study.md" | tail -n +2) <("$solyte" study --schema) ||
  { echo "FAIL: docs/study.md's schema section differs from 'solyte study --schema'" >&2; exit 1; }
echo "ok: docs/study.md schema is current"
