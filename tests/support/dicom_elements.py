"""Independent reader for the de-identification tests: every element of each file (file meta,
nested sequences, private groups) as JSON lines {file, tag, vr, value}, read by pydicom."""
import json
import sys

import pydicom


def values(elem):
    if elem.VR == 'SQ':
        return []
    v = elem.value
    if isinstance(v, (bytes, bytearray)):
        return [v[:4096].decode('latin1')] if len(v) < 65536 else []
    if isinstance(v, (list, tuple, pydicom.multival.MultiValue)):
        return [str(x) for x in v]
    return [str(v)]


def walk(ds, path, out):
    for elem in ds:
        tag = f'{elem.tag.group:04X}{elem.tag.element:04X}'
        out.append({'path': path, 'tag': tag, 'vr': elem.VR, 'values': values(elem)})
        if elem.VR == 'SQ':
            for i, item in enumerate(elem.value):
                walk(item, f'{path}/{tag}[{i}]', out)


for name in sys.argv[1:]:
    ds = pydicom.dcmread(name, force=True)
    out = []
    walk(ds.file_meta, 'meta', out)
    walk(ds, '', out)
    print(json.dumps({'file': name, 'elements': out}))
