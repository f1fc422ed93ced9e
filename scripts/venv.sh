#!/usr/bin/env bash
# Creates (or refreshes) the project-local virtualenv .venv with the pinned Python test tools.
# Re-installs only when requirements-dev.txt changed since the last install.
set -euo pipefail
cd "$(dirname "$0")/.."

python=${PYTHON:-python3}
if ! command -v "$python" >/dev/null 2>&1; then
  echo "ERROR: $python not found; the cfn-lint gate needs Python 3 (>= 3.9)." >&2
  exit 1
fi

stamp=.venv/.requirements-dev.sha256
want=$(sha256sum requirements-dev.txt | cut -d' ' -f1)
if [ -x .venv/bin/python ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  exit 0
fi

rm -rf .venv
"$python" -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
echo "$want" > "$stamp"
echo "venv: installed $(.venv/bin/cfn-lint --version)"
