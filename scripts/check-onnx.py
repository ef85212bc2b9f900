#!/usr/bin/env python3
"""Checks ONNX files with onnx.checker.check_model (full check, shape inference included).

Usage: python3 scripts/check-onnx.py FILE.onnx [FILE.onnx ...]
Needs the onnx package (Debian: apt-get install python3-onnx). Exit code 0 when every file passes,
1 when one fails (its error is printed), 2 when onnx is not installed.
"""
import sys

try:
    import onnx
except ImportError:
    print("error: the python 'onnx' package is missing (Debian: apt-get install python3-onnx)", file=sys.stderr)
    sys.exit(2)


def main(paths):
    if not paths:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    failed = 0
    for path in paths:
        try:
            model = onnx.load(path)
            onnx.checker.check_model(model, full_check=True)
            ops = sorted({n.op_type for n in model.graph.node})
            opset = ",".join(f"{o.domain or 'ai.onnx'}:{o.version}" for o in model.opset_import)
            print(f"ok {path}: IR {model.ir_version}, opset {opset}, {len(model.graph.node)} nodes, ops {' '.join(ops)}")
        except Exception as e:  # noqa: BLE001 - report every failure the checker raises
            failed += 1
            print(f"error: {path}: {e}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
