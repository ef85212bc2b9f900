#!/usr/bin/python3
"""Writes the small PyTorch checkpoints the importer tests read (src/test/resources/pth/).

Each checkpoint is saved with torch.save, in the zip layout (torch >= 1.6) or the legacy pre-zip layout
(_use_new_zipfile_serialization=False), and `<file>.json` beside it lists every tensor the importer must
return: name (after the importer strips a `module.` prefix), dtype, shape and all values, row-major.

Needs PyTorch (Debian: `apt-get install python3-torch`, run with /usr/bin/python3). Deterministic: the same
torch version writes the same values. Usage: scripts/make-pth-fixtures.py [OUT_DIR]
"""
import collections
import json
import os
import sys

import torch
import torch.nn as nn

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "src", "test", "resources", "pth")


class Tiny(nn.Module):
    """A VGG-like block: conv with bias + BN + linear; a few tensors of every kind a state_dict holds."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 4, 3, padding=1)
        self.bn1 = nn.BatchNorm2d(4)
        self.fc = nn.Linear(4, 10)

    def forward(self, x):
        x = torch.relu(self.bn1(self.conv1(x)))
        return self.fc(x.mean(dim=(2, 3)))


def tiny_state_dict(seed, steps):
    torch.manual_seed(seed)
    model = Tiny()
    model.train()
    for _ in range(steps):  # moves the BN running statistics and num_batches_tracked
        model(torch.randn(2, 3, 4, 4))
    return model.state_dict()  # an OrderedDict carrying _metadata, as nn.Module writes it


def views_state_dict():
    """Tensors that share one storage at offsets and with non-contiguous strides."""
    base = torch.arange(24, dtype=torch.float32) / 8.0 - 1.0
    sd = collections.OrderedDict()
    sd["block.weight"] = base[:12].view(3, 4)
    sd["block.weight_t"] = base[:12].view(3, 4).t()  # stride (1, 4)
    sd["block.window"] = base.view(4, 6)[1:3, 2:5]  # offset 8, stride (6, 1)
    sd["block.scalar"] = base[23]  # 0-d view at offset 23
    sd["block.double"] = torch.tensor([0.5, -1.25, 3.0], dtype=torch.float64)
    sd["block.steps"] = torch.tensor(7, dtype=torch.int64)
    return sd


def expected(state_dict, strip=""):
    rows = []
    for name, t in state_dict.items():
        name = name[len(strip):] if strip and name.startswith(strip) else name
        dtype = {torch.float32: "F32", torch.float64: "F64", torch.int64: "I64"}[t.dtype]
        rows.append({"name": name, "dtype": dtype, "shape": list(t.shape),
                     "values": [float(v) if dtype != "I64" else int(v)
                                for v in t.detach().contiguous().view(-1).tolist()]})
    return {"tensors": rows}


def save(obj, file, legacy, state_dict, strip=""):
    path = os.path.join(OUT, file)
    torch.save(obj, path, _use_new_zipfile_serialization=not legacy)
    with open(path + ".json", "w", encoding="utf-8") as f:
        json.dump({"file": file, "layout": "legacy" if legacy else "zip", "torch": torch.__version__,
                   **expected(state_dict, strip)}, f, indent=1)
        f.write("\n")
    print(f"{path}: {os.path.getsize(path)} bytes, {len(state_dict)} tensors")


def main():
    os.makedirs(OUT, exist_ok=True)
    a = tiny_state_dict(seed=1, steps=3)
    save(a, "zip-bare.pth", False, a)
    b = tiny_state_dict(seed=2, steps=5)
    wrapped = collections.OrderedDict(("module." + k, v) for k, v in b.items())
    save({"epoch": 4, "best_prec1": 91.78, "state_dict": wrapped}, "zip-checkpoint.pth", False, wrapped, "module.")
    v = views_state_dict()
    save(v, "zip-views.pth", False, v)
    save(a, "legacy-bare.pth", True, a)
    save({"best_prec1": 91.78, "state_dict": wrapped}, "legacy-checkpoint.pth", True, wrapped, "module.")
    save(v, "legacy-views.pth", True, v)


if __name__ == "__main__":
    main()
