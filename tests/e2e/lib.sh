# Shared setup for the end-to-end tests: a scratch folder removed on exit,
# and check helpers that print "ok - NAME" or "not ok - NAME".
set -eu
LC_ALL=C
export LC_ALL
# text reports fit $COLUMNS: the tests read them at the width of a pipe, 80
unset COLUMNS
: "${DMAUDIT:=$(pwd)/dmaudit}"
: "${TOP:=$(pwd)}"
# The shared fixtures (real archives, kept outside the project): found through
# DMAUDIT_FIXTURES, else ../shared/fixtures beside the clone.
FIXTURES=${DMAUDIT_FIXTURES:-$TOP/../shared/fixtures}
FIXTURE=$FIXTURES/real-2021
# The project's own sample, for tests that only need some archive.
SAMPLE_ZIP=$TOP/sample-data/sample.zip
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
n_ok=0
n_fail=0

# have_fixtures WHAT: true when the shared fixtures are here. Without them a
# test group is skipped with a line tests/run counts, except in CI (CI=true),
# which requires them.
have_fixtures() {
	[ -d "$FIXTURE" ] && [ -d "$FIXTURES/real" ] && return 0
	if [ "${CI:-}" = true ]; then
		fail "$1: CI needs the shared fixtures (DMAUDIT_FIXTURES, or ../shared/fixtures)"
	else
		echo "# skip-fixtures: $1"
	fi
	return 1
}

# sample_dir DIR: the bundled sample archive unzipped into DIR
sample_dir() {
	rm -rf "$1" && mkdir -p "$1" && (cd "$1" && unzip -q "$SAMPLE_ZIP")
}

ok() { n_ok=$((n_ok + 1)); echo "ok - $*"; }
fail() { n_fail=$((n_fail + 1)); echo "not ok - $*"; }

# check NAME COMMAND...: the command succeeds
check() {
	name=$1
	shift
	if "$@" >"$WORK/.out" 2>&1; then ok "$name"; else fail "$name"; sed 's/^/#   /' "$WORK/.out" | head -20; fi
}

# status NAME EXPECTED COMMAND...: the command exits with EXPECTED
status() {
	name=$1
	want=$2
	shift 2
	set +e
	"$@" >"$WORK/.out" 2>"$WORK/.err"
	got=$?
	set -e
	if [ "$got" -eq "$want" ]; then ok "$name"; else
		fail "$name (exit $got, wanted $want)"
		sed 's/^/#   /' "$WORK/.err" | head -5
	fi
}

# same NAME A B: two strings are equal
same() {
	if [ "$2" = "$3" ]; then ok "$1"; else fail "$1: got '$2', wanted '$3'"; fi
}

# json_get FILE EXPR: a Python expression over the JSON document `d`
json_get() {
	python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$1" "$2"
}

# truth_ids FILE: the keys of a JSON object of expected values, one a word;
# truth_of FILE KEY: the value expected for KEY
truth_ids() {
	python3 -c 'import json,sys; print(" ".join(json.load(open(sys.argv[1]))))' "$1"
}
truth_of() {
	python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$1" "$2"
}

# one_line NAME: stderr of the last `status` is exactly one line naming something
one_line() {
	lines=$(wc -l <"$WORK/.err")
	if [ "$lines" -eq 1 ] && grep -q "$2" "$WORK/.err"; then ok "$1"; else
		fail "$1: stderr was: $(head -c 300 "$WORK/.err")"
	fi
}

finish() {
	[ "$n_fail" -eq 0 ]
}
