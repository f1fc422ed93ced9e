"""Rejects dict keys that jsii would otherwise drop without a word, for the cdk_sagemaker_registry package.

jsii hands a dict given where a struct is expected (for example an element of ``containers=[...]``) to the
library as a JSON object, and its kernel keeps only the keys the struct declares, in their camelCase form.
So ``{"image": image, "model_data": data}`` would reach the library as ``{"image": image}``: the model data
is lost and nothing says so. This module, added to the package by ``scripts/python_struct_guard.py`` when
the wheel is built, checks every call into this library before jsii sends it: each dict (and each struct
object, with what it holds) is compared with the struct it stands for, as the library's jsii assembly
describes it, and any key the struct does not have is a ``TypeError`` naming the struct, the key and the
key it most likely means.

It wraps ``jsii.create``, ``jsii.invoke`` and ``jsii.sinvoke``; calls into other libraries pass through.
"""
import difflib
import io
import json
import re
import tarfile
from importlib import resources

import jsii

_PACKAGE = __name__.rsplit(".", 1)[0]
_MAX_REPORTED = 10
_types = None


def _load_types():
    """The types of the library's jsii assembly, read once from the package's ``_jsii/*.jsii.tgz``."""
    global _types
    if _types is None:
        _types = {}
        for entry in resources.files(_PACKAGE + "._jsii").iterdir():
            if not entry.name.endswith(".jsii.tgz"):
                continue
            with tarfile.open(fileobj=io.BytesIO(entry.read_bytes()), mode="r:gz") as tgz:
                assembly = json.load(tgz.extractfile("package/.jsii"))
                if assembly.get("schema") == "jsii/file-redirect":
                    import gzip
                    raw = tgz.extractfile("package/" + assembly["filename"]).read()
                    assembly = json.loads(gzip.decompress(raw) if assembly.get("compression") == "gzip" else raw)
            _types = assembly.get("types", {})
    return _types


def _struct_properties(fqn, types, seen=None):
    """The properties of the struct ``fqn`` by jsii name, or None when a base is not in this assembly."""
    seen = seen or set()
    struct = types.get(fqn)
    if struct is None or fqn in seen:
        return None
    seen.add(fqn)
    properties = {}
    for base in struct.get("interfaces", []):
        inherited = _struct_properties(base, types, seen)
        if inherited is None:
            return None
        properties.update(inherited)
    for prop in struct.get("properties", []):
        properties[prop["name"]] = prop
    return properties


def _is_struct(fqn, types):
    t = types.get(fqn)
    return t is not None and t.get("kind") == "interface" and t.get("datatype", False)


def _suggest(key, names):
    camel = re.sub(r"_+([a-zA-Z0-9])", lambda m: m.group(1).upper(), key)
    if camel in names:
        return camel
    folded = {n.lower(): n for n in names}
    if camel.lower() in folded:
        return folded[camel.lower()]
    close = difflib.get_close_matches(camel, list(names), n=1, cutoff=0.75)
    return close[0] if close else None


def _snake(name):
    return re.sub(r"[A-Z]", lambda m: "_" + m.group(0).lower(), name)


def _walk(ref, value, path, types, errors):
    if value is None or not isinstance(ref, dict):
        return
    if "collection" in ref:
        kind = ref["collection"].get("kind")
        element = ref["collection"].get("elementtype")
        if kind == "array" and isinstance(value, (list, tuple)):
            for i, item in enumerate(value):
                _walk(element, item, f"{path}[{i}]", types, errors)
        elif kind == "map" and isinstance(value, dict):
            for name, item in value.items():
                _walk(element, item, f"{path}.{name}" if path else str(name), types, errors)
        return
    fqn = ref.get("fqn")
    if fqn is None or not _is_struct(fqn, types):
        return
    properties = _struct_properties(fqn, types)
    if properties is None:
        return
    struct_name = fqn.rsplit(".", 1)[-1]
    at = lambda key: f"{path}.{key}" if path else key
    if isinstance(value, dict):
        for key, item in value.items():
            if key in properties:
                _walk(properties[key]["type"], item, at(key), types, errors)
            elif item is not None:
                suggestion = _suggest(str(key), properties)
                where = f"{path}: " if path else ""
                message = f"{where}'{key}' is not a property of {struct_name}"
                if suggestion:
                    message += f"; did you mean '{suggestion}'?"
                else:
                    message += " (its properties are " + ", ".join(f"'{p}'" for p in sorted(properties)) + ")"
                message += (f" jsii would drop it. Use the struct class, registry.{struct_name}"
                            f"({_snake(suggestion or str(key))}=...), or camelCase keys in dicts.")
                errors.append(message)
        return
    mapping = getattr(type(value), "__jsii_name_mapping__", None)
    values = getattr(value, "_values", None)
    if isinstance(mapping, dict) and isinstance(values, dict):
        for python_name, item in values.items():
            jsii_name = mapping.get(python_name, python_name)
            if jsii_name in properties:
                _walk(properties[jsii_name]["type"], item, at(jsii_name), types, errors)


def _parameters(fqn, method, types):
    """The parameters of ``method`` (None: the initializer) of type ``fqn`` or its bases in this assembly."""
    pending, seen = [fqn], set()
    while pending:
        current = pending.pop(0)
        t = types.get(current)
        if t is None or current in seen:
            continue
        seen.add(current)
        if method is None:
            if "initializer" in t:
                return t["initializer"].get("parameters", [])
        else:
            for m in t.get("methods", []):
                if m.get("name") == method:
                    return m.get("parameters", [])
        if t.get("base"):
            pending.append(t["base"])
        pending.extend(t.get("interfaces", []))
    return []


def _check(fqn, method, args):
    if not args or not isinstance(fqn, str) or not fqn.startswith("cdk-sagemaker-registry."):
        return
    types = _load_types()
    errors = []
    for parameter, arg in zip(_parameters(fqn, method, types), args):
        if not parameter.get("variadic"):
            _walk(parameter.get("type"), arg, "", types, errors)
    if errors:
        if len(errors) > _MAX_REPORTED:
            errors = errors[:_MAX_REPORTED] + [f"... and {len(errors) - _MAX_REPORTED} more"]
        name = fqn.rsplit(".", 1)[-1] + (f".{method}" if method else "")
        raise TypeError(f"Invalid arguments to {name}:\n  - " + "\n  - ".join(errors))


def install():
    """Wraps jsii's calls once per process."""
    if getattr(jsii, "_cdk_sagemaker_registry_struct_guard", False):
        return
    create, invoke, sinvoke = jsii.create, jsii.invoke, jsii.sinvoke

    def guarded_create(klass, obj, args=None):
        _check(getattr(klass, "__jsii_type__", None), None, args)
        return create(klass, obj, args)

    def guarded_invoke(obj, method, args=None):
        _check(getattr(type(obj), "__jsii_type__", None), method, args)
        return invoke(obj, method, args)

    def guarded_sinvoke(klass, method, args=None):
        _check(getattr(klass, "__jsii_type__", None), method, args)
        return sinvoke(klass, method, args)

    jsii.create, jsii.invoke, jsii.sinvoke = guarded_create, guarded_invoke, guarded_sinvoke
    jsii._cdk_sagemaker_registry_struct_guard = True
