#!/usr/bin/env python3
"""Finish a QuantLab training run on a CUDA GPU with PyTorch.

QuantLab trains the reference VGG with its own Java trainer (dev.quantlab.train.Trainer, DJL on libtorch).
On the project's 2-core machines one epoch takes ~38 minutes. When a session is lent a GPU machine (it has
PyTorch and no Java), this script continues the same run there: it reads the checkpoint the Java trainer
wrote (RUN/last.safetensors: weights, momentum buffers, training state, the recipe), runs the remaining
epochs with the same recipe, and writes a checkpoint in the same format. `quantlab train --resume --export`
then turns it into the shipped model, and the Java pipeline evaluates it.

What is the same as the Java trainer: the model (names, shapes, BN momentum 0.1 / eps 1e-5, input in [0,1]),
SGD with Nesterov momentum in PyTorch's formulation with weight decay on conv/FC weights only, label-smoothed
cross-entropy, the learning-rate schedules (LrSchedule), augmentation (4-pixel zero pad, random 32x32 crop,
random horizontal flip), batch size, steps per epoch (last partial batch dropped), the per-epoch evaluation on
the class-balanced test subset and the train-log.csv columns. What differs: the random streams (the shuffle
and augmentation draws come from torch generators seeded by (seed, epoch), not Java's SplittableRandom), and
GPU arithmetic (TF32 is switched off, but reduction order differs).

It starts at an epoch boundary only (the Java trainer writes one after every epoch).

Usage:
  finish_reference_training.py --checkpoint RUN/last.safetensors --train-dir DIR --test FILE --out DIR
      DIR holds data_batch_1.bin .. data_batch_5.bin (CIFAR-10 binary version); FILE is test_batch.bin or any
      file of CIFAR-10 binary records (the class-balanced evaluation subset is taken from it as in Java).
      Writes DIR/last.safetensors and DIR/train-log.csv.
"""
import argparse
import json
import math
import os
import struct
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

RECORD = 3073
CLASSES = 10
CONFIG = [64, 128, -1, 256, 256, -1, 512, 512, -1, 512, 512, -1]
BN_EPS = 1e-5
BN_MOMENTUM = 0.1
MOMENTUM_PREFIX = "optimizer.momentum."
CSV_HEADER = "epoch,train_loss,train_acc,test_acc,lr,img_per_s,epoch_s,wall_s"
DTYPES = {"F32": np.float32, "F16": np.float16, "I64": np.int64}


# ---- safetensors (the format is tiny; the machine that tests this script has no safetensors package) ----

def read_safetensors(path):
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
        data = f.read()
    meta = header.pop("__metadata__", {})
    tensors = {}
    for name, h in header.items():
        a, b = h["data_offsets"]
        tensors[name] = np.frombuffer(data[a:b], dtype=DTYPES[h["dtype"]]).reshape(h["shape"]).copy()
    return tensors, meta


def write_safetensors(path, tensors, meta):
    names = {np.dtype(v): k for k, v in DTYPES.items()}
    header, blobs, offset = {"__metadata__": meta}, [], 0
    for name, arr in tensors.items():
        raw = np.ascontiguousarray(arr).tobytes()
        header[name] = {"dtype": names[arr.dtype], "shape": list(arr.shape), "data_offsets": [offset, offset + len(raw)]}
        blobs.append(raw)
        offset += len(raw)
    text = json.dumps(header).encode("utf-8")
    text += b" " * (-len(text) % 8)
    tmp = str(path) + ".tmp"
    with open(tmp, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for raw in blobs:
            f.write(raw)
    os.replace(tmp, path)


# ---- the recipe ----

def parse_config(text):
    cfg = dict(kv.split("=", 1) for kv in text.split())
    return {
        "epochs": int(cfg["epochs"]), "batch": int(cfg["batch"]), "schedule": cfg["schedule"],
        "peak": float(cfg["peak_lr"]), "warmup": float(cfg["warmup"]), "momentum": float(cfg["momentum"]),
        "nesterov": cfg["nesterov"] == "true", "wd": float(cfg["weight_decay"]),
        "smoothing": float(cfg["label_smoothing"]), "seed": int(cfg["seed"]), "train_limit": int(cfg["train_limit"]),
        "eval_limit": int(cfg["eval_limit"]), "steps_per_epoch": int(cfg["steps_per_epoch"]),
    }


def cosine(a, b, t):
    return b + (a - b) * 0.5 * (1 + math.cos(math.pi * t))


def learning_rate(cfg, step, total):
    """dev.quantlab.train.LrSchedule#lr."""
    peak, w = cfg["peak"], cfg["warmup"]
    t = 0.0 if total <= 1 else min(1.0, step / (total - 1))
    kind = cfg["schedule"]
    if kind == "CONSTANT":
        return peak
    if kind == "COSINE":
        return cosine(peak, 0, t)
    if kind == "WARMUP_COSINE":
        return peak * (0.1 + 0.9 * t / w) if t < w else cosine(peak, 0, (t - w) / (1 - w))
    if kind == "ONE_CYCLE":
        return cosine(peak / 25, peak, t / w) if t < w else cosine(peak, peak / 1e4, (t - w) / (1 - w))
    raise ValueError("unknown schedule " + kind)


def mix(seed, epoch):
    """A generator seed for (seed, epoch)."""
    return (seed * 1_000_003 + epoch * 7_919) % (2 ** 63)


# ---- data ----

def read_records(paths):
    raw = np.concatenate([np.fromfile(p, dtype=np.uint8) for p in paths])
    if raw.size % RECORD:
        sys.exit(f"{paths}: size {raw.size} is not a whole number of CIFAR-10 records")
    rec = raw.reshape(-1, RECORD)
    return rec[:, 1:].reshape(-1, 3, 32, 32).copy(), rec[:, 0].astype(np.int64)


def balanced_indices(labels, limit):
    """dev.quantlab.data.CifarSplit#balancedIndices: the first limit/10 images of each class in file order."""
    if limit <= 0 or limit >= len(labels):
        return np.arange(len(labels))
    quota = [limit // CLASSES + (1 if c < limit % CLASSES else 0) for c in range(CLASSES)]
    out = []
    for i, c in enumerate(labels):
        if quota[c] > 0:
            quota[c] -= 1
            out.append(i)
            if len(out) == limit:
                break
    return np.array(out)


def augment(images_u8, gen):
    """4-pixel zero pad, random 32x32 crop, random horizontal flip (dev.quantlab.data.BatchMaker)."""
    n, dev = images_u8.shape[0], images_u8.device
    dy = torch.randint(-4, 5, (n,), generator=gen).to(dev)
    dx = torch.randint(-4, 5, (n,), generator=gen).to(dev)
    flip = (torch.randint(0, 2, (n,), generator=gen) == 1).to(dev)
    padded = F.pad(images_u8, (4, 4, 4, 4))
    ar = torch.arange(32, device=dev)
    rows = ar[None, :] + 4 + dy[:, None]
    cols = torch.where(flip[:, None], 31 - ar[None, :], ar[None, :]) + 4 + dx[:, None]
    out = padded[torch.arange(n, device=dev)[:, None, None, None], torch.arange(3, device=dev)[None, :, None, None],
                 rows[:, None, :, None], cols[:, None, None, :]]
    return out.float() / 255.0


# ---- model ----

class Vgg:
    """The lesson's VGG as a functional forward over named tensors (dev.quantlab.model.VggNet)."""

    def __init__(self, tensors, device):
        # a compact checkpoint (quantlab compact-checkpoint) holds fp16 weights: train in fp32
        self.t = {k: torch.from_numpy(v.astype(np.float32) if v.dtype == np.float16 else v).to(device)
                  for k, v in tensors.items() if not k.startswith(MOMENTUM_PREFIX)}
        self.convs = sum(1 for c in CONFIG if c > 0)
        self.decayed = [f"backbone.conv{i}.weight" for i in range(self.convs)] + ["classifier.weight"]
        self.trainable = []
        for i in range(self.convs):
            self.trainable += [f"backbone.conv{i}.weight", f"backbone.bn{i}.weight", f"backbone.bn{i}.bias"]
        self.trainable += ["classifier.weight", "classifier.bias"]
        for k in self.trainable:
            self.t[k].requires_grad_(True)

    def forward(self, x, training):
        conv = 0
        for c in CONFIG:
            if c < 0:
                x = F.max_pool2d(x, 2, 2)
                continue
            bn = f"backbone.bn{conv}."
            x = F.conv2d(x, self.t[f"backbone.conv{conv}.weight"], None, 1, 1)
            x = F.batch_norm(x, self.t[bn + "running_mean"], self.t[bn + "running_var"], self.t[bn + "weight"],
                             self.t[bn + "bias"], training, BN_MOMENTUM, BN_EPS)
            x = F.relu(x)
            if training:
                self.t[bn + "num_batches_tracked"] += 1
            conv += 1
        x = F.avg_pool2d(x, 2, 2).flatten(1)
        return F.linear(x, self.t["classifier.weight"], self.t["classifier.bias"])

    def state(self):
        return {k: v.detach().cpu().numpy() for k, v in self.t.items()}


def evaluate(net, images, labels, batch=500):
    correct = 0
    with torch.no_grad():
        for i in range(0, len(labels), batch):
            logits = net.forward(images[i:i + batch].float() / 255.0, False)
            correct += int((logits.argmax(1) == labels[i:i + batch]).sum())
    return 100.0 * correct / len(labels)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--checkpoint", required=True)
    ap.add_argument("--train-dir", required=True)
    ap.add_argument("--test", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--device", default="cuda")
    ap.add_argument("--limit-steps", type=int, default=0,
                    help="check the script: run only this many steps of one epoch; writes a plain weights file")
    args = ap.parse_args()

    torch.backends.cudnn.allow_tf32 = False
    torch.backends.cuda.matmul.allow_tf32 = False
    torch.backends.cudnn.benchmark = True
    dev = torch.device(args.device)

    tensors, meta = read_safetensors(args.checkpoint)
    if meta.get("quantlab.kind") != "training-checkpoint":
        sys.exit(f"{args.checkpoint} is not a QuantLab training checkpoint")
    cfg = parse_config(meta["config"])
    epoch, step_in_epoch, global_step = int(meta["epoch"]), int(meta["step_in_epoch"]), int(meta["global_step"])
    wall = float(meta["wall_seconds"])
    history = [line for line in meta["history"].split("\n") if line and not line.startswith("epoch")]
    if step_in_epoch != 0:
        sys.exit(f"checkpoint is at epoch {epoch} step {step_in_epoch}: start from an epoch boundary")
    if cfg["train_limit"] != 0:
        sys.exit("only full-train-set runs are supported (train_limit=0)")

    train_x, train_y = read_records([f"{args.train_dir}/data_batch_{i}.bin" for i in range(1, 6)])
    test_x, test_y = read_records([args.test])
    keep = balanced_indices(test_y, cfg["eval_limit"])
    test_x, test_y = torch.from_numpy(test_x[keep]).to(dev), torch.from_numpy(test_y[keep]).to(dev)
    train_x, train_y = torch.from_numpy(train_x).to(dev), torch.from_numpy(train_y).to(dev)

    net = Vgg(tensors, dev)
    decayed = [net.t[k] for k in net.trainable if k in net.decayed]
    others = [net.t[k] for k in net.trainable if k not in net.decayed]
    opt = torch.optim.SGD([{"params": decayed, "weight_decay": cfg["wd"]}, {"params": others, "weight_decay": 0.0}],
                          lr=cfg["peak"], momentum=cfg["momentum"], nesterov=cfg["nesterov"])
    restored = 0
    for k in net.trainable:
        buf = tensors.get(MOMENTUM_PREFIX + k)
        if buf is not None:
            opt.state[net.t[k]]["momentum_buffer"] = torch.from_numpy(buf.astype(np.float32)).to(dev)
            restored += 1
    bs = cfg["batch"]
    steps = len(train_y) // bs
    if cfg["steps_per_epoch"] > 0:
        steps = min(steps, cfg["steps_per_epoch"])
    total = steps * cfg["epochs"]
    if global_step != epoch * steps:
        sys.exit(f"checkpoint global step {global_step} does not match epoch {epoch} x {steps} steps")
    name = torch.cuda.get_device_name(dev) if dev.type == "cuda" else "CPU"
    print(f"resuming epoch {epoch} of {cfg['epochs']} on {name} (torch {torch.__version__}); "
          f"{restored} momentum buffers restored; {meta['config']}", flush=True)

    if args.limit_steps > steps:
        sys.exit(f"--limit-steps {args.limit_steps} is more than the {steps} steps of an epoch")
    run_steps = args.limit_steps if args.limit_steps > 0 else steps
    last_epoch = epoch + 1 if args.limit_steps > 0 else cfg["epochs"]
    while epoch < last_epoch:
        gen = torch.Generator().manual_seed(mix(cfg["seed"], epoch))
        order = torch.randperm(len(train_y), generator=gen).to(dev)
        sync(dev)
        t0 = time.time()
        loss_sum = torch.zeros((), device=dev, dtype=torch.float64)
        correct = torch.zeros((), device=dev, dtype=torch.int64)
        for s in range(run_steps):
            idx = order[s * bs:(s + 1) * bs]
            x, y = augment(train_x[idx], gen), train_y[idx]
            lr = learning_rate(cfg, global_step, total)
            for g in opt.param_groups:
                g["lr"] = lr
            logits = net.forward(x, True)
            loss = F.cross_entropy(logits, y, label_smoothing=cfg["smoothing"])
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            loss_sum += loss.detach().double() * bs
            correct += (logits.detach().argmax(1) == y).sum()
            global_step += 1
        sync(dev)
        epoch_s = time.time() - t0
        e0 = time.time()
        acc = evaluate(net, test_x, test_y)
        wall += epoch_s + (time.time() - e0)
        seen = run_steps * bs
        loss_v = float(loss_sum) / seen
        if not math.isfinite(loss_v):
            sys.exit(f"training diverged at epoch {epoch}: loss {loss_v}")
        row = "%d,%.5f,%.4f,%.4f,%.6f,%.2f,%.1f,%.1f" % (epoch, loss_v, 100.0 * int(correct) / seen, acc, lr,
                                                          seen / epoch_s, epoch_s, wall)
        history.append(row)
        print(f"epoch {epoch}: train loss {loss_v:.4f} acc {100.0 * int(correct) / seen:.2f}% "
              f"test (subset of {len(test_y)}) {acc:.2f}% lr {lr:.5f} {seen / epoch_s:.0f} img/s", flush=True)
        epoch += 1

    out = net.state()
    history_csv = CSV_HEADER + "\n" + "".join(h + "\n" for h in history)
    os.makedirs(args.out, exist_ok=True)
    finished = epoch >= cfg["epochs"]
    if args.limit_steps > 0:
        out_meta = {"quantlab.kind": "weights", "note": f"script check: {run_steps} steps only"}
    else:
        if not finished:
            out.update({MOMENTUM_PREFIX + k: v.cpu().numpy() for k, v in
                        ((k, opt.state[net.t[k]]["momentum_buffer"]) for k in net.trainable)})
        out_meta = {"quantlab.kind": "training-checkpoint", "config": meta["config"], "epoch": str(epoch),
                    "step_in_epoch": "0", "global_step": str(global_step), "loss_sum": "0.0", "correct": "0",
                    "seen": "0", "epoch_seconds": "0.0", "wall_seconds": repr(wall), "history": history_csv,
                    "continued_by": f"scripts/gpu/finish_reference_training.py on {name}, torch {torch.__version__}, "
                                    f"from epoch {int(meta['epoch'])}"}
    write_safetensors(f"{args.out}/last.safetensors", out, out_meta)
    with open(f"{args.out}/train-log.csv", "w") as f:
        f.write(history_csv)
    print(f"wrote {args.out}/last.safetensors (epoch {epoch} of {cfg['epochs']}) and train-log.csv", flush=True)


def sync(dev):
    if dev.type == "cuda":
        torch.cuda.synchronize(dev)


if __name__ == "__main__":
    main()
