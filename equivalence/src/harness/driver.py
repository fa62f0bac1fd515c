"""ferry equivalence harness: serves JSON-lines calls to the functions of one Python file.

Usage: python3 driver.py UNIT.py. Reads {"fn": name, "args": [...]} per line and answers
{"ok": value, "args": [...]} or {"error": category, "message": text}, one line each
({"missing": name} for a function the module does not have at run time, like a nested one).
Objects: {"new": class, "args": [...]} answers {"ok": null, "object": handle, "state": {...}};
{"call": method, "on": handle, "args": [...]} answers as a function call does, with "state";
{"drop": handle} forgets the object. The state is the object's attributes not starting with `_`.
The unit's own printing goes to stderr; its stdin is empty.
"""

import collections
import importlib.util
import json
import math
import os
import sys
import threading


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
    # An object that refers back to one being encoded (a parent link) is a cycle marker.
    if id(x) in ENCODING:
        return {"record": "cycle", "fields": {}}
    ENCODING.add(id(x))
    try:
        return {"record": type(x).__name__, "fields": {k: encode(v) for k, v in fields.items()}}
    finally:
        ENCODING.discard(id(x))


# The objects being encoded, by id.
ENCODING = set()


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


def state(obj):
    fields = getattr(obj, "__dict__", None) or {}
    ENCODING.add(id(obj))
    try:
        return {k: encode(v) for k, v in fields.items() if not k.startswith("_")}
    finally:
        ENCODING.discard(id(obj))


def serve(unit, objects, request):
    """The answer to one request."""
    obj = None
    if "drop" in request:
        objects.pop(request["drop"], None)
        return {"ok": None}
    if "new" in request:
        fn = getattr(unit, request["new"], None)
        if not isinstance(fn, type):
            return {"missing": request["new"]}
    elif "call" in request:
        obj = objects.get(request["on"])
        if obj is None:
            return {"fatal": "no object %s" % request["on"]}
        fn = getattr(obj, request["call"], None)
        if not callable(fn):
            return {"missing": request["call"]}
    else:
        fn = getattr(unit, request["fn"], None)
        if not callable(fn):
            return {"missing": request["fn"]}
    try:
        args = [decode(a) for a in request["args"]]
        result = fn(*args)
        if "new" in request:
            handle = len(objects) + 1
            while handle in objects:
                handle += 1
            objects[handle] = result
            answer = {"ok": None, "object": handle, "args": [encode(a) for a in args]}
            obj = result
        else:
            answer = {"ok": encode(result), "args": [encode(a) for a in args]}
    except (MemoryError, RecursionError) as e:
        # Out of memory or stack is a limit of the harness, not a result of the unit (the Go
        # harness crashes there): the process ends, and the call counts as a crash.
        sys.stderr.write("%s: %s\n" % (type(e).__name__, e))
        sys.stderr.flush()
        os._exit(3)
    except BaseException as e:  # noqa: BLE001 - the unit's exceptions are results
        answer = {"error": category(e), "message": text("%s: %s" % (type(e).__name__, e))}
    if obj is not None:
        try:
            answer["state"] = state(obj)
        except BaseException as e:  # noqa: BLE001 - a state that cannot be encoded
            answer = {"error": "other", "message": text("cannot encode the state: %s" % e)}
    return answer


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
    objects = {}
    for line in requests:
        reply(serve(unit, objects, json.loads(line)))


# The Java and Go harnesses run with deep stacks (-Xss16m, 256 MiB): so does this one, so that a
# recursion some thousand calls deep is not a RecursionError on the Python side alone.
sys.setrecursionlimit(200_000)
threading.stack_size(256 << 20)
serving = threading.Thread(target=main)
serving.start()
serving.join()
