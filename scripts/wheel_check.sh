#!/usr/bin/env bash
# The wheel is the product: build the sdist and wheel, check their metadata and contents,
# install the wheel (not editable) into a clean venv and use it from a folder outside the
# clone: --version, routines, check, paths, completion, log-pain, today and a short session
# in a pseudo-terminal. Called by .ci/run after `make test`; `make wheel-check` runs it alone.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
DEV_PYTHON=${DEV_PYTHON:-$REPO/.venv/bin/python}  # has build and twine (the dev extras)
PYTHON=${PYTHON:-python3}                    # the Python a user installs with
WORK=$(mktemp -d "${TMPDIR:-/tmp}/itb-wheel-check.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

step() { printf '\n== %s\n' "$*"; }

step "build the sdist and the wheel"
"$DEV_PYTHON" -m build --outdir "$WORK/dist" >"$WORK/build.log" 2>&1 || {
    cat "$WORK/build.log"
    exit 1
}
ls "$WORK/dist"
"$DEV_PYTHON" -m twine check --strict "$WORK"/dist/*

step "the shipped content, the man page and the notice are inside"
"$DEV_PYTHON" scripts/dist_contents.py "$WORK"/dist/*.whl "$WORK"/dist/*.tar.gz

step "install the wheel into a clean venv"
"$PYTHON" -m venv "$WORK/venv"
"$WORK/venv/bin/python" -m pip install --quiet --disable-pip-version-check "$WORK"/dist/*.whl
ITB=$WORK/venv/bin/itb

step "use it from outside the clone, with folders of its own"
mkdir -p "$WORK/run" "$WORK/home"
cp tests/e2e/pty_app.py scripts/wheel_session.py "$WORK/run/"
cd "$WORK/run"
export HOME=$WORK/home XDG_CACHE_HOME=$WORK/home/.cache
export ITB_TUI_DATA_DIR=$WORK/data ITB_TUI_CONFIG_DIR=$WORK/config
unset PYTHONPATH
version=$("$ITB" --version)
echo "$version"
expected=$("$DEV_PYTHON" -c 'import sys; sys.path.insert(0, sys.argv[1]); import itb_tui; print(itb_tui.__version__)' "$REPO")
[[ $version == "itb-tui $expected" ]] || { echo "expected itb-tui $expected"; exit 1; }
"$WORK/venv/bin/python" -c 'import itb_tui, sys; sys.exit(itb_tui.__file__.startswith(sys.argv[1]))' "$REPO" \
    || { echo "itb_tui was imported from the clone"; exit 1; }
"$ITB" routines
"$ITB" check
"$ITB" paths --json
"$ITB" completion bash | grep -q 'start routines check' || { echo "bash completion lacks the verbs"; exit 1; }
[[ -f $WORK/venv/share/man/man1/itb.1 ]] || { echo "the man page was not installed"; exit 1; }
"$ITB" log-pain 2 --context daily --swelling no
set +e
"$ITB" today
code=$?
set -e
[[ $code == 0 || $code == 1 ]] || { echo "itb today exited $code"; exit 1; }
"$WORK/venv/bin/python" wheel_session.py "$ITB" "$WORK/session-data" "$WORK/session-config"
step "the wheel works"
