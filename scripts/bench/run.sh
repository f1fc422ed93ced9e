#!/usr/bin/env bash
# Benchmarks (projen task `bench`; opt-in, not part of build or test): compiles the node side of
# scripts/bench/ into test-reports/bench/js and runs the driver, which writes docs/benchmarks.md
# and test-reports/bench/results.json. See scripts/bench/main.ts for what is measured.
#
# Needs the compiled library (lib/, from `npx projen compile`) and, for the Python numbers, the
# binding's virtualenv test/bindings/.venv (from `npx projen test:bindings`); without it the
# Python section says so and the rest runs.
#
# Arguments go to the driver: --quick, --sizes 10,100, --reps N, --no-python, --python PATH,
# --python-n N, --lib DIR, --no-profile, --out FILE, --report-only RESULTS_JSON.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."

if [[ ! -f lib/index.js || ! -f lib/index.d.ts ]]; then
  echo "scripts/bench/run.sh: lib/ is missing: run 'npx projen compile' first" >&2
  exit 1
fi

rm -rf test-reports/bench/js
npx tsc -p scripts/bench/tsconfig.json
exec node test-reports/bench/js/main.js "$@"
