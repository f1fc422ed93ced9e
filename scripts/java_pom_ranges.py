"""Gives the Maven POM that jsii-pacmak built the same aws-cdk-lib and constructs ranges as npm and PyPI.

jsii-pacmak writes the npm peer-dependency ranges into the POM (`^2.262.0` becomes `[2.262.0,3.0.0)`), then
runs Maven's `versions:resolve-ranges`, so the published POM names whatever version was newest on the day
of the build (for example `2.263.0`). That is a different story from npm (`^2.262.0`) and PyPI
(`>=2.262.0, <3.0.0`), and it asks Java apps for a newer aws-cdk-lib than the library needs. This script
puts the ranges back into dist/java/**/<artifact>-<version>.pom and rewrites the POM's checksum files.
(A Java app that declares aws-cdk-lib itself, as every CDK app does, gets its own version either way:
Maven picks the nearest declaration.)

Usage: python3 scripts/java_pom_ranges.py [dist/java]
"""
import hashlib
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = {"aws-cdk-lib": "aws-cdk-lib", "constructs": "constructs"}  # Maven artifactId -> npm package


def maven_range(npm_range: str) -> str:
    match = re.fullmatch(r"\^(\d+)\.(\d+)\.(\d+)", npm_range)
    if not match:
        sys.exit(f"java_pom_ranges: peer dependency range {npm_range!r} is not of the form ^X.Y.Z")
    major, minor, patch = (int(x) for x in match.groups())
    return f"[{major}.{minor}.{patch},{major + 1}.0.0)"


def main() -> int:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "dist" / "java")
    package = json.loads((ROOT / "package.json").read_text())
    name, version = package["name"], package["version"]
    poms = sorted(folder.glob(f"**/{name}-{version}.pom"))
    if not poms:
        sys.exit(f"java_pom_ranges: no {name}-{version}.pom under {folder}")
    for pom_path in poms:
        pom = pom_path.read_text()
        for artifact, npm_name in ARTIFACTS.items():
            wanted = maven_range(package["peerDependencies"][npm_name])
            pattern = re.compile(r"(<artifactId>" + re.escape(artifact) + r"</artifactId>\s*<version>)([^<]+)(</version>)")
            if len(pattern.findall(pom)) != 1:
                sys.exit(f"java_pom_ranges: {pom_path.name} does not have exactly one {artifact} dependency")
            pom = pattern.sub(lambda m: m.group(1) + wanted + m.group(3), pom)
        pom_path.write_text(pom)
        data = pom_path.read_bytes()
        for algorithm in ("md5", "sha1", "sha256", "sha512"):
            checksum = pom_path.with_name(f"{pom_path.name}.{algorithm}")
            if checksum.exists():
                checksum.write_text(hashlib.new(algorithm, data).hexdigest())
        print(f"java_pom_ranges: {pom_path.relative_to(folder)}: aws-cdk-lib "
              f"{maven_range(package['peerDependencies']['aws-cdk-lib'])}, constructs {maven_range(package['peerDependencies']['constructs'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
