#!/usr/bin/env bash
# Every command answers --help with its options and examples, and exits 0.
set -u
solyte=$1
fail=0
for cmd in "" info convert conductivity arrhenius "simulate series" modulus kww drt packing "entropy config" "entropy migration" ema sites xrd "xrd lines" "xrd pattern" "xrd peaks" "xrd index" "xrd size-strain"; do
  # shellcheck disable=SC2086
  out=$("$solyte" $cmd --help 2>&1) || { echo "FAIL: solyte $cmd --help exited non-zero"; fail=1; continue; }
  if ! grep -q "Examples:" <<<"$out"; then echo "FAIL: solyte $cmd --help has no examples"; fail=1; fi
  echo "ok: solyte $cmd --help"
done
"$solyte" --version | grep -q '^solyte [0-9]' || { echo "FAIL: --version"; fail=1; }
exit $fail
