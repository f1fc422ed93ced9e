"""One story for versions and stability: checks that the packages the build made agree with package.json
and the README.

- stability: package.json and the .jsii assembly say `experimental`; the wheel's trove classifier is
  `Development Status :: 4 - Beta` (jsii's fixed mapping of experimental); the README says experimental;
- aws-cdk-lib floor: the npm peer dependency (`^X.Y.Z`), the wheel's `Requires-Dist` (`>=X.Y.Z, <3.0.0`),
  the Maven POM (`[X.Y.Z,3.0.0)`) and the README all name the same floor;
- Node.js: package.json `engines.node` and the README name the same minimum.

Reads dist/python/*.whl and dist/java/**/*.pom (built by jsii-pacmak, see test/bindings/run.sh). Exits
non-zero listing every disagreement. Run by `npx projen check:metadata` after the binding tests.
"""
import glob
import json
import re
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    problems = []
    package = json.loads((ROOT / "package.json").read_text())
    assembly = json.loads((ROOT / ".jsii").read_text())
    readme = (ROOT / "README.md").read_text()
    version = package["version"]

    peer = package["peerDependencies"]["aws-cdk-lib"]
    match = re.fullmatch(r"\^(\d+\.\d+\.\d+)", peer)
    if not match:
        return fail([f"package.json peerDependencies aws-cdk-lib must be ^X.Y.Z, got {peer!r}"])
    floor = match.group(1)
    major = int(floor.split(".")[0])

    if package.get("stability") != "experimental":
        problems.append(f"package.json stability is {package.get('stability')!r}, expected 'experimental'")
    if assembly.get("docs", {}).get("stability") != "experimental":
        problems.append(f".jsii docs.stability is {assembly.get('docs', {}).get('stability')!r}, expected 'experimental'")
    if "**Stability: experimental.**" not in readme:
        problems.append("README.md does not state '**Stability: experimental.**'")
    if f"`aws-cdk-lib` >= {floor}" not in readme:
        problems.append(f"README.md does not state the aws-cdk-lib floor as '`aws-cdk-lib` >= {floor}'")
    node = package.get("engines", {}).get("node", "")
    node_min = re.fullmatch(r">=\s*(\d+)(\.\d+\.\d+)?", node)
    if not node_min or f"Node.js >= {node_min.group(1)}" not in readme:
        problems.append(f"package.json engines.node is {node!r}; README.md must say 'Node.js >= N' with the same N")

    wheels = sorted(glob.glob(str(ROOT / "dist" / "python" / f"*-{version}-py3-none-any.whl")))
    if not wheels:
        problems.append(f"no wheel dist/python/*-{version}-py3-none-any.whl: run the binding tests first")
    else:
        with zipfile.ZipFile(wheels[-1]) as wheel:
            name = next(n for n in wheel.namelist() if n.endswith(".dist-info/METADATA"))
            metadata = wheel.read(name).decode()
        if "Classifier: Development Status :: 4 - Beta" not in metadata:
            classifiers = [line for line in metadata.splitlines() if "Development Status" in line]
            problems.append(f"wheel classifier is {classifiers}, expected 'Development Status :: 4 - Beta' (experimental)")
        requirement = next((line for line in metadata.splitlines() if line.startswith("Requires-Dist: aws-cdk-lib")), "")
        bounds = set(re.findall(r"([<>]=?)\s*(\d+\.\d+\.\d+)", requirement))
        if bounds != {(">=", floor), ("<", f"{major + 1}.0.0")}:
            problems.append(f"wheel requires {requirement!r}, expected aws-cdk-lib>={floor},<{major + 1}.0.0")

    poms = [p for p in glob.glob(str(ROOT / "dist" / "java" / "**" / f"cdk-sagemaker-registry-{version}.pom"), recursive=True)]
    if not poms:
        problems.append(f"no POM dist/java/**/cdk-sagemaker-registry-{version}.pom: run the binding tests first")
    else:
        pom = Path(poms[0]).read_text()
        dep = re.search(r"<artifactId>aws-cdk-lib</artifactId>\s*<version>([^<]+)</version>", pom)
        want = f"[{floor},{major + 1}.0.0)"
        if not dep or dep.group(1) != want:
            problems.append(f"POM aws-cdk-lib version is {dep.group(1) if dep else None!r}, expected {want!r}")

    if problems:
        return fail(problems)
    print(f"metadata: stability experimental everywhere; aws-cdk-lib >= {floor} < {major + 1} in npm, PyPI, Maven "
          f"and the README; Node.js >= {node_min.group(1)}")
    return 0


def fail(problems) -> int:
    print("metadata: the packages disagree:\n  - " + "\n  - ".join(problems), file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
