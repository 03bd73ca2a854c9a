# Checks shared by the CLI test scripts (sourced, not run: the test glob is tests/cli/*.sh).
# They use the caller's $tmp (a scratch folder) and set the caller's $fail to 1 on a failure.

# csv_cell FILE ROW_KEY COLUMN [KEY_DECIMALS] — the cell of COLUMN (by header name) in the row
# whose first field is ROW_KEY ("first" = the first row; with KEY_DECIMALS the first field is
# rounded to that many decimals before the comparison). Rows of every table are searched.
csv_cell() {
  awk -F, -v key="$2" -v col="$3" -v dec="${4:-}" '
    /^#/ || NF == 0 { header = ""; next }
    header == "" { for (i = 1; i <= NF; i++) idx[$i] = i; header = $0; next }
    (key == "first" || (dec == "" ? $1 == key : sprintf("%." dec "f", $1) == key)) && (col in idx) {
      print $(idx[col]); exit }' "$1"
}

# near FILE ROW_KEY COLUMN EXPECTED DECIMALS — the cell rounds to EXPECTED at DECIMALS decimals.
near() {
  local got
  got=$(csv_cell "$1" "$2" "$3")
  if [ -z "$got" ]; then echo "FAIL: $3 of '$2' not found in $1"; fail=1; return; fi
  if awk -v g="$got" -v w="$4" -v d="$5" 'BEGIN { t = 0.5 * 10 ^ (-d) + 1e-12;
      exit !(g - w <= t && w - g <= t) }'; then
    echo "ok: $2 $3 = $got (expected $4)"
  else
    echo "FAIL: $2 $3 = $got, expected $4 to $5 decimals"; fail=1
  fi
}

# within FILE ROW_KEY COLUMN EXPECTED TOLERANCE — the cell (row key rounded to 4 decimals) is
# within TOLERANCE of EXPECTED.
within() {
  local got
  got=$(csv_cell "$1" "$2" "$3" 4)
  if [ -z "$got" ]; then echo "FAIL: $3 of '$2' not found in $1"; fail=1; return; fi
  if awk -v g="$got" -v w="$4" -v t="$5" 'BEGIN { exit !(g - w <= t && w - g <= t) }'; then
    echo "ok: $2 $3 = $got (expected $4 ± $5)"
  else
    echo "FAIL: $2 $3 = $got, expected $4 ± $5"; fail=1
  fi
}

# run OUT -- command... — the command must exit 0; its standard output goes to OUT.
run() {
  local out=$1
  shift 2
  if ! "$@" >"$out" 2>"$tmp/err"; then
    echo "FAIL: '$*' exited non-zero"; cat "$tmp/err"; fail=1
  fi
}

# expect CODE PATTERN NAME -- command... — run with -o $tmp/NAME.out: it must exit CODE, say
# PATTERN on standard error and write no output file.
expect() {
  local code=$1 pattern=$2 name=$3
  shift 4
  "$@" -o "$tmp/$name.out" >/dev/null 2>"$tmp/err"
  local got=$?
  if [ "$got" -ne "$code" ]; then
    echo "FAIL: '$*' exited $got, expected $code"; cat "$tmp/err"; fail=1
  elif ! grep -q -- "$pattern" "$tmp/err"; then
    echo "FAIL: '$*' stderr lacks '$pattern':"; cat "$tmp/err"; fail=1
  else
    echo "ok: $* -> $code"
  fi
  if [ -e "$tmp/$name.out" ]; then echo "FAIL: output written despite the error"; fail=1; fi
}

# report_renders HTML WORKDIR — loads an HTML report of `solyte study` in headless Chromium and
# checks that every figure it holds is drawn and that the page logs no console message. Prints
# "ok: …" and returns 0; prints FAIL and returns 1; returns 77 when chromium is not installed.
report_renders() {
  local html=$1 work=$2 browser expected drawn
  browser=$(command -v chromium || command -v chromium-browser || true)
  if [ -z "$browser" ]; then
    echo "skipped: chromium is not installed (scripts/install-deps.sh installs it)"
    return 77
  fi
  if ! timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
      --disable-background-networking --disable-component-update --disable-sync \
      --user-data-dir="$work/profile" --enable-logging=stderr --v=0 --virtual-time-budget=10000 \
      --dump-dom "file://$html" > "$work/dom.html" 2> "$work/browser.log"; then
    echo "FAIL: chromium failed: $(tail -5 "$work/browser.log")"
    return 1
  fi
  expected=$(grep -o 'data-figures-expected="[0-9]*"' "$work/dom.html" | grep -o '[0-9]*' || true)
  drawn=$(grep -o 'data-figures-drawn="[0-9]*"' "$work/dom.html" | grep -o '[0-9]*' || true)
  if [ -z "$expected" ] || [ "$expected" -eq 0 ]; then
    echo "FAIL: the report's figure check did not run"
    return 1
  fi
  if [ "$drawn" != "$expected" ]; then
    echo "FAIL: only $drawn of $expected figures drawn"
    return 1
  fi
  if grep -q ":CONSOLE" "$work/browser.log"; then
    echo "FAIL: console messages: $(grep ':CONSOLE' "$work/browser.log")"
    return 1
  fi
  echo "ok: $drawn of $expected figures drawn, no console message"
}
