#!/usr/bin/env bash
# Language-binding smoke tests (projen task `test:bindings`, run at the end of `npx projen build`).
#
# Builds the Python wheel, the Java package and the Go module with jsii-pacmak (unless current ones are
# already in dist/), then runs a small program in each language that synthesizes a stack with the library
# and checks the template: test/bindings/python/app.py, test/bindings/java and test/bindings/go.
#
# A missing toolchain (python3 with venv, java/javac/mvn, or go) skips that binding with a banner, except
# when CI is set: then it fails. Logs go to test-reports/bindings/. The last line of output is
# `bindings: N passed, M failed[, K skipped]`; the exit code is non-zero when M > 0.
#
# Environment: CI (missing toolchains fail), MAVEN_REPO_LOCAL (default ~/.m2/repository). Go modules come
# from the Go module proxy as pinned by test/bindings/go/go.mod and go.sum (into GOMODCACHE).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROOT="$PWD"
REPORTS="test-reports/bindings"
VENV="test/bindings/.venv"
mkdir -p "$REPORTS"

# Versions: the library's own version and the exact aws-cdk-lib / constructs pins of package.json.
exact_dev_version() {
  node -p "
    const v = require('./package.json').devDependencies['$1'] || '';
    const m = /^[\\^~=]?(\\d+\\.\\d+\\.\\d+)$/.exec(v);
    if (!m) { console.error('test/bindings/run.sh: devDependencies[\"$1\"] must be an exact version, got \"' + v + '\"'); process.exit(1); }
    m[1]"
}
LIB_VERSION="$(node -p "require('./package.json').version")"
CDK_VERSION="$(exact_dev_version aws-cdk-lib)"
CONSTRUCTS_VERSION="$(exact_dev_version constructs)"

if [[ ! -f .jsii || ! -f lib/index.js ]]; then
  echo "test/bindings/run.sh: .jsii or lib/index.js is missing: run 'npx projen compile' first" >&2
  exit 1
fi

is_ci() { [[ -n "${CI:-}" && "${CI}" != "false" && "${CI}" != "0" ]]; }

passed=0
failed=0
skipped=0

# Timing helpers (EPOCHREALTIME: bash 5).
start_timer() { TIMER_START="${EPOCHREALTIME}"; }
elapsed() { awk -v a="$TIMER_START" -v b="${EPOCHREALTIME}" 'BEGIN { printf "%.1fs", b - a }'; }

# run_logged LABEL LOGFILE CMD...: runs CMD with its output in LOGFILE; prints the tail on failure.
run_logged() {
  local label="$1" log="$2"
  shift 2
  start_timer
  if "$@" >"$log" 2>&1; then
    echo "  ${label}: ok ($(elapsed), log: ${log})"
  else
    local rc=$?
    echo "  ${label}: FAILED with exit code ${rc} after $(elapsed); last lines of ${log}:" >&2
    tail -n 60 "$log" | sed 's/^/    | /' >&2
    return 1
  fi
}

# unavailable LANG REASON: fails under CI, otherwise skips with a banner.
unavailable() {
  local lang="$1" reason="$2"
  if is_ci; then
    echo "ERROR: the ${lang} binding test cannot run because ${reason}, and CI is set: failing." >&2
    echo "       Install the ${lang} toolchain on the CI machine (see test/bindings/run.sh)." >&2
    failed=$((failed + 1))
  else
    cat >&2 <<BANNER

################################################################################
##  SKIPPED: ${lang} binding test not run because ${reason}.
##  The ${lang} package of cdk-sagemaker-registry was NOT built or tested.
##  (With CI=true this is a failure.)
################################################################################

BANNER
    skipped=$((skipped + 1))
  fi
}

# run_program LABEL LOGFILE CMD...: run_logged for a binding program, then shows its `<lang> binding:` lines.
run_program() {
  local log="$2"
  run_logged "$@" || return 1
  grep -E '^[a-z]+ binding:' "$log" | sed 's/^/  /'
}

# ------------------------------------------------------------------------------------------------
python_binding() {
  local wheel
  wheel="$(ls -t dist/python/*-"${LIB_VERSION}"-py3-none-any.whl 2>/dev/null | head -n 1 || true)"
  if [[ -n "$wheel" && "$wheel" -nt .jsii ]]; then
    echo "  pacmak python: reusing ${wheel} (newer than .jsii)"
  else
    run_logged "pacmak python" "$REPORTS/pacmak-python.log" npx jsii-pacmak -v --target python || return 1
    # The struct-key guard, as in `npx projen package:python` (see scripts/python_struct_guard.py).
    run_logged "python struct guard" "$REPORTS/python-struct-guard.log" python3 scripts/python_struct_guard.py dist/python || return 1
    wheel="$(ls -t dist/python/*-"${LIB_VERSION}"-py3-none-any.whl 2>/dev/null | head -n 1 || true)"
    if [[ -z "$wheel" ]]; then
      echo "  pacmak python: no dist/python/*-${LIB_VERSION}-py3-none-any.whl was produced" >&2
      return 1
    fi
  fi

  # The venv is kept while python and the pins are unchanged; the wheel is reinstalled when its hash changes.
  local deps_stamp wheel_stamp
  deps_stamp="$(python3 --version 2>&1) aws-cdk-lib==${CDK_VERSION} constructs==${CONSTRUCTS_VERSION}"
  wheel_stamp="$(sha256sum "$wheel" | cut -d' ' -f1) ${deps_stamp}"
  if [[ ! -x "$VENV/bin/python" || "$(cat "$VENV/.deps-stamp" 2>/dev/null)" != "$deps_stamp" ]]; then
    rm -rf "$VENV"
    run_logged "python venv" "$REPORTS/venv.log" python3 -m venv "$VENV" || return 1
    echo "$deps_stamp" >"$VENV/.deps-stamp"
  fi
  if [[ "$(cat "$VENV/.wheel-stamp" 2>/dev/null)" != "$wheel_stamp" ]]; then
    rm -f "$VENV/.wheel-stamp"
    "$VENV/bin/python" -m pip uninstall -q -y cdk-sagemaker-registry >/dev/null 2>&1 || true
    run_logged "pip install" "$REPORTS/pip.log" "$VENV/bin/python" -m pip install --disable-pip-version-check \
      "$wheel" "aws-cdk-lib==${CDK_VERSION}" "constructs==${CONSTRUCTS_VERSION}" || return 1
    echo "$wheel_stamp" >"$VENV/.wheel-stamp"
  else
    echo "  pip install: venv is current (${VENV})"
  fi

  rm -rf "$REPORTS/python.cdk.out"
  CDK_OUTDIR="$REPORTS/python.cdk.out" run_program "python run" "$REPORTS/python-run.log" \
    "$VENV/bin/python" test/bindings/python/app.py
  # The README's Python app, as a user would run it (it must synthesize without an error).
  rm -rf "$REPORTS/python-readme.cdk.out"
  CDK_OUTDIR="$REPORTS/python-readme.cdk.out" run_logged "python README app" "$REPORTS/python-readme-run.log" \
    "$VENV/bin/python" test/bindings/python/readme_app.py || return 1
  if ! ls "$REPORTS/python-readme.cdk.out"/RegistryStack.template.json >/dev/null 2>&1; then
    echo "  python README app: no RegistryStack.template.json in $REPORTS/python-readme.cdk.out" >&2
    return 1
  fi
}

# ------------------------------------------------------------------------------------------------
java_binding() {
  local artifact="io/github/cdksagemakerregistry/cdk-sagemaker-registry/${LIB_VERSION}"
  local jar="dist/java/${artifact}/cdk-sagemaker-registry-${LIB_VERSION}.jar"
  if [[ -f "$jar" && "$jar" -nt .jsii ]]; then
    echo "  pacmak java: reusing ${jar} (newer than .jsii)"
  else
    run_logged "pacmak java" "$REPORTS/pacmak-java.log" npx jsii-pacmak -v --target java || return 1
    if [[ ! -f "$jar" ]]; then
      echo "  pacmak java: ${jar} was not produced" >&2
      return 1
    fi
  fi

  # The same aws-cdk-lib and constructs ranges as npm and PyPI, as in `npx projen package:java`.
  run_logged "java POM ranges" "$REPORTS/java-pom-ranges.log" python3 scripts/java_pom_ranges.py dist/java || return 1

  # The library's version (usually 0.0.0) never changes, so Maven would keep using the copy it cached
  # in the local repository: drop it so that the freshly built one is resolved from dist/java.
  local m2="${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}"
  rm -rf "${m2:?}/${artifact}"
  rm -rf "$REPORTS/java.cdk.out"
  CDK_OUTDIR="$ROOT/$REPORTS/java.cdk.out" run_program "java run" "$REPORTS/java-run.log" \
    mvn -B -q -f test/bindings/java/pom.xml \
      "-Dmaven.repo.local=${m2}" \
      "-Dlocal.repo.url=file://${ROOT}/dist/java" \
      "-Dlibrary.version=${LIB_VERSION}" \
      "-Dcdk.version=${CDK_VERSION}" \
      "-Dconstructs.version=${CONSTRUCTS_VERSION}" \
      compile exec:java
}

# ------------------------------------------------------------------------------------------------
go_binding() {
  local module="dist/go/cdksagemakerregistry"
  # The module embeds the npm tarball, and with it the handler bundles of assets/: rebuild it when .jsii or
  # a bundle is newer. --code-only: pacmak's own compile check resolves awscdk at the library's floor
  # (v2.262.0), whose cloud-assembly-schema-go v54.26.0 the Go module proxy refuses; the smoke program
  # compiles the module instead, against the newer awscdk of test/bindings/go/go.mod.
  if [[ -f "$module/go.mod" && "$module/go.mod" -nt .jsii && -z "$(find assets -newer "$module/go.mod" -type f 2>/dev/null | head -n 1)" ]]; then
    echo "  pacmak go: reusing ${module} (newer than .jsii and assets/)"
  else
    rm -rf dist/go
    run_logged "pacmak go" "$REPORTS/pacmak-go.log" npx jsii-pacmak -v --target go --code-only || return 1
    if [[ ! -f "$module/go.mod" ]]; then
      echo "  pacmak go: ${module}/go.mod was not produced" >&2
      return 1
    fi
  fi

  echo "  $(go version); awscdk $(awk '$1 == "github.com/aws/aws-cdk-go/awscdk/v2" { print $2 }' test/bindings/go/go.mod) (test/bindings/go/go.mod)"
  # -mod=readonly: go.mod and go.sum must already list every module (no silent upgrade in CI). ./... also
  # compiles the README's Go example (test/bindings/go/example).
  local binary="$ROOT/$REPORTS/go-smoke"
  run_logged "go build" "$REPORTS/go-build.log" \
    bash -c 'cd test/bindings/go && go build -mod=readonly -buildvcs=false ./... && go build -mod=readonly -buildvcs=false -o "$1" .' \
    go-build "$binary" || return 1
  rm -rf "$REPORTS/go.cdk.out"
  CDK_OUTDIR="$ROOT/$REPORTS/go.cdk.out" run_program "go run" "$REPORTS/go-run.log" "$binary"
}

# ------------------------------------------------------------------------------------------------
echo "bindings: cdk-sagemaker-registry ${LIB_VERSION}, aws-cdk-lib ${CDK_VERSION}, constructs ${CONSTRUCTS_VERSION}"

echo "python binding:"
if ! command -v python3 >/dev/null 2>&1 || ! python3 -c 'import ensurepip, venv' >/dev/null 2>&1; then
  unavailable python "python3 (with the venv and ensurepip modules) is missing"
elif python_binding; then
  passed=$((passed + 1))
else
  failed=$((failed + 1))
fi

echo "java binding:"
missing=()
for tool in java javac mvn; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if ((${#missing[@]} > 0)); then
  unavailable java "${missing[*]} is missing"
elif java_binding; then
  passed=$((passed + 1))
else
  failed=$((failed + 1))
fi

echo "go binding:"
# The official Go install location, for shells whose PATH does not name it.
if ! command -v go >/dev/null 2>&1 && [[ -x /usr/local/go/bin/go ]]; then
  export PATH="$PATH:/usr/local/go/bin"
fi
if ! command -v go >/dev/null 2>&1; then
  unavailable go "go is missing"
elif go_binding; then
  passed=$((passed + 1))
else
  failed=$((failed + 1))
fi

summary="bindings: ${passed} passed, ${failed} failed"
((skipped > 0)) && summary+=", ${skipped} skipped"
echo "$summary"
((failed == 0))
