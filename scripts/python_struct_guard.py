"""Adds the struct-key guard (src/python/struct_guard.py) to the Python packages jsii-pacmak built.

jsii-pacmak generates the Python package from the .jsii assembly and has no hook for extra code, so this
script adds it to what pacmak made, in dist/python/: the wheel (*.whl, its RECORD updated) and the source
distribution (*.tar.gz). The guard becomes `cdk_sagemaker_registry/_struct_guard.py`, installed by the
package's `__init__.py` just before jsii's `publication.publish()`. Idempotent: packages that already carry
the guard are left alone. Fails when the package layout is not the one expected.

Usage: python3 scripts/python_struct_guard.py [dist/python]
"""
import base64
import hashlib
import io
import sys
import tarfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUARD = (ROOT / "src" / "python" / "struct_guard.py").read_bytes()
MODULE = "cdk_sagemaker_registry"
ANCHOR = b"\npublication.publish()\n"
INSTALL = b"\nfrom . import _struct_guard\n_struct_guard.install()\n"


def patched_init(init: bytes) -> bytes:
    if init.count(ANCHOR) != 1:
        sys.exit(f"python_struct_guard: {MODULE}/__init__.py has {init.count(ANCHOR)} 'publication.publish()' lines, expected 1")
    return init.replace(ANCHOR, INSTALL + ANCHOR)


def record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def patch_wheel(path: Path) -> bool:
    with zipfile.ZipFile(path) as wheel:
        names = wheel.namelist()
        if f"{MODULE}/_struct_guard.py" in names:
            return False
        files = {name: wheel.read(name) for name in names}
        infos = {name: wheel.getinfo(name) for name in names}
    files[f"{MODULE}/__init__.py"] = patched_init(files[f"{MODULE}/__init__.py"])
    files[f"{MODULE}/_struct_guard.py"] = GUARD
    record = next(n for n in names if n.endswith(".dist-info/RECORD"))
    lines = [record_line(n, d) for n, d in files.items() if n != record] + [f"{record},,"]
    files[record] = ("\n".join(lines) + "\n").encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in files.items():
            info = infos.get(name) or zipfile.ZipInfo(name, date_time=infos[f"{MODULE}/__init__.py"].date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            if name not in infos:
                info.external_attr = infos[f"{MODULE}/__init__.py"].external_attr
            out.writestr(info, data)
    path.write_bytes(buffer.getvalue())
    return True


def patch_sdist(path: Path) -> bool:
    with tarfile.open(path, "r:gz") as sdist:
        members = [(m, sdist.extractfile(m).read() if m.isfile() else None) for m in sdist.getmembers()]
    if any(m.name.endswith(f"/src/{MODULE}/_struct_guard.py") for m, _ in members):
        return False
    init = [m for m, _ in members if m.name.endswith(f"/src/{MODULE}/__init__.py")]
    if len(init) != 1:
        sys.exit(f"python_struct_guard: {path.name} has {len(init)} src/{MODULE}/__init__.py files, expected 1")
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as out:
        for member, data in members:
            if member is init[0]:
                data = patched_init(data)
                member.size = len(data)
            out.addfile(member, io.BytesIO(data) if data is not None else None)
            if member is init[0]:
                guard = tarfile.TarInfo(member.name.rsplit("/", 1)[0] + "/_struct_guard.py")
                guard.size, guard.mtime, guard.mode = len(GUARD), member.mtime, member.mode
                out.addfile(guard, io.BytesIO(GUARD))
    path.write_bytes(buffer.getvalue())
    return True


def main() -> int:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "dist" / "python")
    wheels = sorted(folder.glob("*.whl"))
    if not wheels:
        sys.exit(f"python_struct_guard: no wheel in {folder}")
    for path in wheels + sorted(folder.glob("*.tar.gz")):
        changed = patch_wheel(path) if path.suffix == ".whl" else patch_sdist(path)
        print(f"python_struct_guard: {path.name}: {'guard added' if changed else 'already has the guard'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
