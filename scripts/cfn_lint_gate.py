"""cfn-lint gate of the build.

1. Proves the gate can fail: a known-bad template must produce cfn-lint errors.
2. Lints every CloudFormation template synthesized by the jest suite (collected under
   test-reports/synth/, the suite's TMPDIR) and by the example app (cdk.out/).
3. Fails on any cfn-lint error (rules E*) and on any warning (rules W*): users run cfn-lint in CI,
   where a warning exits non-zero, so every template the library renders must be free of both.
   The only exceptions are the rules in TEST_ONLY_WARNINGS, for artefacts of the test suite that no
   user template has (each with its reason); they apply to the tests' templates, never to the
   example app's.

Numbers go to test-reports/cfn-lint.json. Extra resource schemas (for types the pinned cfn-lint does
not know yet) are read from schemas/ when that folder exists (cfn-lint --registry-schemas).
"""

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KNOWN_BAD = ROOT / "test" / "fixtures" / "cfn-lint" / "known-bad.template.json"
# A template whose only finding is a warning (W3005, a DependsOn that a GetAtt already enforces).
KNOWN_WARNING = ROOT / "test" / "fixtures" / "cfn-lint" / "known-warning.template.json"
SOURCES = {
    "tests": ROOT / "test-reports" / "synth",
    "example app": ROOT / "cdk.out",
}
SCHEMAS = ROOT / "schemas"

# Warnings that come from how the tests build their stacks, not from library code: rule -> reason.
# They are counted and reported, not fatal, and only in the tests' templates.
TEST_ONLY_WARNINGS = {
    "W3010": "hard-coded availability zones: test stacks with a fixed env get the dummy AZs of the "
             "context provider (no AWS account in the build); user apps look them up",
}
REPORT = ROOT / "test-reports" / "cfn-lint.json"
BATCH = 200


def cfn_lint(files):
    """Runs cfn-lint on the files; returns a list of (file, rule, message)."""
    cmd = [str(Path(sys.executable).parent / "cfn-lint"), "--format", "parseable"]
    if SCHEMAS.is_dir():
        cmd += ["--registry-schemas", str(SCHEMAS)]
    findings = []
    for start in range(0, len(files), BATCH):
        batch = [str(f) for f in files[start:start + BATCH]]
        proc = subprocess.run(cmd + ["--"] + batch, capture_output=True, text=True)
        # Exit codes are a bit mask: 2 errors, 4 warnings, 8 informational; anything else is a crash.
        if proc.returncode & ~(2 | 4 | 8):
            sys.exit(f"cfn-lint crashed (exit {proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
        for line in proc.stdout.splitlines():
            parts = line.split(":", 6)
            if len(parts) == 7:
                findings.append((parts[0], parts[5], parts[6]))
            elif line.strip():
                findings.append(("?", "E0000", line))
    return findings


def collect(folder):
    """Every *.template.json under folder, de-duplicated by content."""
    seen = {}
    if folder.is_dir():
        for path in sorted(folder.rglob("*.template.json")):
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            seen.setdefault(digest, path)
    return list(seen.values())


def main():
    # 1. The gate must be able to fail.
    bad = [f for f in cfn_lint([KNOWN_BAD]) if f[1].startswith("E")]
    if not bad:
        sys.exit(f"cfn-lint gate is broken: the known-bad template {KNOWN_BAD.relative_to(ROOT)} produced no errors")
    print(f"cfn-lint self-check: known-bad template rejected with {len(bad)} errors "
          f"({', '.join(sorted({rule for _, rule, _ in bad}))})")
    warned = cfn_lint([KNOWN_WARNING])
    if not warned or any(not rule.startswith("W") for _, rule, _ in warned):
        sys.exit(f"cfn-lint gate is broken: the known-warning template {KNOWN_WARNING.relative_to(ROOT)} should produce "
                 f"warnings only, got {warned}")
    print(f"cfn-lint self-check: known-warning template reported ({', '.join(sorted({rule for _, rule, _ in warned}))})")

    # 2. Lint everything that was synthesized.
    counts = {}
    files = []
    for label, folder in SOURCES.items():
        found = collect(folder)
        if not found:
            sys.exit(f"cfn-lint gate: no templates found for the {label} in {folder.relative_to(ROOT)}; "
                     "run the tests and the demo first (npx projen test)")
        counts[label] = len(found)
        files += found
    findings = cfn_lint(files)
    tests_folder = str(SOURCES["tests"])
    errors = [f for f in findings if f[1].startswith("E")]
    warnings = [f for f in findings if f[1].startswith("W")]
    excused = [f for f in warnings if f[1] in TEST_ONLY_WARNINGS and str(f[0]).startswith(tests_folder)]
    fatal_warnings = [f for f in warnings if f not in excused]
    for path, rule, message in errors + fatal_warnings:
        print(f"  {rule} {os.path.relpath(path, ROOT)}: {message}")
    for rule in sorted({f[1] for f in excused}):
        count = sum(1 for f in excused if f[1] == rule)
        print(f"  {rule} excused in {count} finding(s) of the tests' templates: {TEST_ONLY_WARNINGS[rule]}")

    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(json.dumps({
        "templates": len(files),
        "templatesBySource": counts,
        "errors": len(errors),
        "warnings": len(fatal_warnings),
        "excusedTestOnlyWarnings": {rule: sum(1 for f in excused if f[1] == rule) for rule in sorted({f[1] for f in excused})},
        "knownBadErrors": len(bad),
    }, indent=2) + "\n")
    summary = ", ".join(f"{n} from the {label}" for label, n in counts.items())
    print(f"cfn-lint: {len(files)} distinct templates linted ({summary}): {len(errors)} errors, "
          f"{len(fatal_warnings)} warnings ({len(excused)} test-only warnings excused)")
    if errors or fatal_warnings:
        sys.exit("cfn-lint gate failed: fix the library so that it never synthesizes a template cfn-lint rejects or warns about "
                 "(users run cfn-lint in CI, where a warning exits non-zero)")


if __name__ == "__main__":
    main()
