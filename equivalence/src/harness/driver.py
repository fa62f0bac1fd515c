"""ferry equivalence harness: serves JSON-lines calls to the functions of one Python file.

Usage: python3 driver.py UNIT.py. Reads {"fn": name, "args": [...]} per line and answers
{"ok": value, "args": [...]} or {"error": category, "message": text}, one line each
({"missing": name} for a function the module does not have at run time, like a nested one).
The unit's own printing goes to stderr; its stdin is empty.
"""

import collections
import importlib.util
import json
import math
import os
import sys


def decode(v):
    if isinstance(v, list):
        return [decode(x) for x in v]
    if isinstance(v, dict):
        if "record" in v:
            raise TypeError("records cannot be passed yet")
        ((tag, inner),) = v.items()
        if tag == "float":
            return float(inner)
        if tag in ("char", "int"):
            return int(inner) if tag == "int" else inner
        if tag == "tuple":
            return tuple(decode(x) for x in inner)
        if tag == "set":
            return {decode(x) for x in inner}
        if tag == "map":
            return {decode(k): decode(x) for k, x in inner}
        raise TypeError("unknown tag " + tag)
    return v


def text(s):
    try:
        s.encode("utf-8")
        return s
    except UnicodeEncodeError:
        return "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in s)


def encode(x):
    if x is None or isinstance(x, bool):
        return x
    if isinstance(x, int):
        return x if -(2**63) <= x < 2**63 else {"int": str(x)}
    if isinstance(x, float):
        if math.isnan(x):
            return {"float": "nan"}
        if math.isinf(x):
            return {"float": "inf" if x > 0 else "-inf"}
        return {"float": x}
    if isinstance(x, str):
        return text(x)
    if isinstance(x, (list, collections.deque)):
        return [encode(i) for i in x]
    if isinstance(x, tuple):
        return {"tuple": [encode(i) for i in x]}
    if isinstance(x, (set, frozenset)):
        return {"set": [encode(i) for i in x]}
    if isinstance(x, dict):
        return {"map": [[encode(k), encode(v)] for k, v in x.items()]}
    fields = getattr(x, "__dict__", None)
    if fields is None:
        return {"record": type(x).__name__, "fields": {"repr": text(repr(x))}}
    return {"record": type(x).__name__, "fields": {k: encode(v) for k, v in fields.items()}}


def category(e):
    if isinstance(e, IndexError):
        return "index"
    if isinstance(e, (KeyError, StopIteration)):
        return "key"
    if isinstance(e, ZeroDivisionError):
        return "div_zero"
    if isinstance(e, AttributeError) or (isinstance(e, TypeError) and "NoneType" in str(e)):
        return "null"
    if isinstance(e, ValueError):
        return "value"
    return "other"


def main():
    proto = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)
    requests = sys.stdin.buffer
    sys.stdin = open(os.devnull, encoding="utf-8")

    def reply(obj):
        proto.write(json.dumps(obj, separators=(",", ":")) + "\n")
        proto.flush()

    try:
        spec = importlib.util.spec_from_file_location("ferry_unit", sys.argv[1])
        unit = importlib.util.module_from_spec(spec)
        sys.modules["ferry_unit"] = unit
        spec.loader.exec_module(unit)
    except BaseException as e:  # noqa: BLE001 - any failure to load is reported, not raised
        reply({"fatal": "%s: %s" % (type(e).__name__, e)})
        return
    reply({"ready": True})
    for line in requests:
        request = json.loads(line)
        fn = getattr(unit, request["fn"], None)
        if not callable(fn):
            reply({"missing": request["fn"]})
            continue
        try:
            args = [decode(a) for a in request["args"]]
            result = fn(*args)
            answer = {"ok": encode(result), "args": [encode(a) for a in args]}
        except BaseException as e:  # noqa: BLE001 - the unit's exceptions are results
            answer = {"error": category(e), "message": text("%s: %s" % (type(e).__name__, e))}
        reply(answer)


main()
