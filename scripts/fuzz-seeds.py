#!/usr/bin/python3.11
"""Writes the small seed corpora of the fuzz targets (issue 14): valid files made with PyTorch/numpy and the
hostile cases of the reliability report, made small. Run from the repository root: /usr/bin/python3.11 scripts/fuzz-seeds.py (Debian python3-torch)
"""
import io, os, pickle, struct, zipfile, zlib, collections

RES = 'src/test/resources/dev/quantlab'
DIRS = {
    'unpickle': f'{RES}/core/pickle/SafeUnpicklerFuzzTestInputs/unpickle',
    'zip': f'{RES}/model/pth/ZipCheckpointFuzzTestInputs/readZip',
    'pth': f'{RES}/model/pth/PthImporterFuzzTestInputs/importStateDict',
    'cifar': f'{RES}/data/CifarPythonReaderFuzzTestInputs/readBatch',
}
for d in DIRS.values():
    os.makedirs(d, exist_ok=True)

def put(kind, name, data):
    with open(os.path.join(DIRS[kind], name), 'wb') as f:
        f.write(data)

def nested(depth):
    return b']' * depth + b'a' * (depth - 1)

# hostile pickles (issue 14, items 7-9), small versions
HOSTILE = {
    'selfref-list-key': b'\x80\x02}]q\x00h\x00aNs.',
    'deep-list-key': b'\x80\x02}' + nested(1000) + b'Ns.',
    'selfref-list-in-set': b'\x80\x04}\x8c\x01k\x8f(]q\x00h\x00a\x90s.',
    'deep-list-torch-device': b'\x80\x02}X\x01\x00\x00\x00dctorch\ndevice\n' + nested(1000) + b'\x85Rs.',
    'long-5000-digits': b'\x80\x02}X\x01\x00\x00\x00nL' + b'7' * 5000 + b'L\ns.',
    'empty-list-flood': b'\x80\x02' + b']' * 4000 + b'.',
    'obj': b'\x80\x02(No.',
    'inst-os-system': b"(S'ls'\nios\nsystem\n.",
    'ext1': b'\x80\x02\x82\x01.',
    'binunicode-4g': b'\x80\x02X\xff\xff\xff\xffa.',
    'frame-too-long': b'\x80\x04\x95\x00\x00\x00\x00\x00\x01\x00\x00}.',
    'reduce-os-system': b'\x80\x02cos\nsystem\nX\x02\x00\x00\x00ls\x85R.',
}
for name, p in HOSTILE.items():
    put('unpickle', name, p)

plain = collections.OrderedDict([('a', [1, 2.5, None, True]), ('b', (b'xy', 'z' * 3, 2 ** 70)),
                                 ((1, 'k'), {frozenset([1, 2]), 3}.__len__())])
for proto in (0, 2, 4, 5):
    put('unpickle', f'plain-proto{proto}', pickle.dumps(dict(plain), protocol=proto))
put('unpickle', 'set-proto4', pickle.dumps({'s': {1, 'x', (2, 3)}}, protocol=4))

import torch  # PyTorch 1.13 (python3-torch)
sd = collections.OrderedDict([('conv.weight', torch.arange(6, dtype=torch.float32).reshape(2, 3)),
                              ('bn.num_batches_tracked', torch.tensor(3))])
buf = io.BytesIO(); torch.save(sd, buf); zip_ok = buf.getvalue()
buf = io.BytesIO(); torch.save({'state_dict': sd}, buf, _use_new_zipfile_serialization=False); legacy_ok = buf.getvalue()
with zipfile.ZipFile(io.BytesIO(zip_ok)) as z:
    put('unpickle', 'torch-data-pkl', z.read([n for n in z.namelist() if n.endswith('data.pkl')][0]))

def stored_zip(pickle_bytes, extra=()):
    out = io.BytesIO()
    with zipfile.ZipFile(out, 'w', zipfile.ZIP_STORED) as z:
        z.writestr('archive/data.pkl', pickle_bytes)
        for name, data in extra:
            z.writestr(name, data)
    return out.getvalue()

def legacy_with(obj_pickle):
    magic = b'\x80\x02\x8a\x0a\x6c\xfc\x9c\x46\xf9\x20\x6a\xa8\x50\x19.'
    return magic + b'\x80\x02M\xe9\x03.' + b'\x80\x02}.' + obj_pickle + b'\x80\x02].'

bomb = io.BytesIO()
with zipfile.ZipFile(bomb, 'w', zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    z.writestr('archive/data.pkl', b'\x80\x02' + b']' * (2 << 20) + b'.')
flipped = bytearray(zip_ok)
at = flipped.find(struct.pack('<f', 5.0))
flipped[at:at + 4] = b'\x00\x00\xc0\x7f'

for kind in ('zip', 'pth'):
    put(kind, 'torch-zip-ok', zip_ok)
    put(kind, 'zip-bomb-2mb', bomb.getvalue())
    put(kind, 'crc-flipped-weight', bytes(flipped))
    put(kind, 'truncated-zip', zip_ok[:len(zip_ok) // 2])
    for name in ('selfref-list-key', 'deep-list-key', 'selfref-list-in-set', 'deep-list-torch-device',
                 'long-5000-digits'):
        put(kind, f'zip-{name}', stored_zip(HOSTILE[name]))
put('pth', 'torch-legacy-ok', legacy_ok)
for name in ('selfref-list-key', 'deep-list-torch-device', 'long-5000-digits', 'reduce-os-system'):
    put('pth', f'legacy-{name}', legacy_with(HOSTILE[name]))

import numpy as np
rng = np.random.default_rng(1)
batch = {'batch_label': 'testing batch 1 of 1', 'labels': [3, 8],
         'data': rng.integers(0, 256, size=(2, 3072), dtype=np.uint8), 'filenames': ['a.png', 'b.png']}
put('cifar', 'batch-str-keys', pickle.dumps(batch, protocol=2))
put('cifar', 'batch-bytes-keys', pickle.dumps({k.encode(): v for k, v in batch.items()}, protocol=2))
put('cifar', 'batch-proto4', pickle.dumps(batch, protocol=4))
for name in ('selfref-list-key', 'deep-list-key', 'selfref-list-in-set', 'long-5000-digits', 'empty-list-flood',
             'obj', 'frame-too-long'):
    put('cifar', name, HOSTILE[name])
