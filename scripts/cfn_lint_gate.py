"""cfn-lint gate of the build.

1. Proves the gate can fail: a known-bad template must produce cfn-lint errors.
2. Lints every CloudFormation template synthesized by the jest suite (collected under
   test-reports/synth/, the suite's TMPDIR) and by the example app (cdk.out/).
3. Fails on any cfn-lint error (rules E*); warnings are printed and counted, not fatal.

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
SOURCES = {
    "tests": ROOT / "test-reports" / "synth",
    "example app": ROOT / "cdk.out",
}
SCHEMAS = ROOT / "schemas"
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
    errors = [f for f in findings if f[1].startswith("E")]
    warnings = [f for f in findings if f[1].startswith("W")]
    for path, rule, message in errors + warnings:
        print(f"  {rule} {os.path.relpath(path, ROOT)}: {message}")

    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(json.dumps({
        "templates": len(files),
        "templatesBySource": counts,
        "errors": len(errors),
        "warnings": len(warnings),
        "knownBadErrors": len(bad),
    }, indent=2) + "\n")
    summary = ", ".join(f"{n} from the {label}" for label, n in counts.items())
    print(f"cfn-lint: {len(files)} distinct templates linted ({summary}): {len(errors)} errors, {len(warnings)} warnings")
    if errors:
        sys.exit("cfn-lint gate failed: fix the library so that it never synthesizes a template cfn-lint rejects")


if __name__ == "__main__":
    main()
