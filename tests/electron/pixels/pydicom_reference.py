"""Reference pixel values from pydicom for the decoder comparison tests.

Usage: /usr/bin/python3 pydicom_reference.py RAW_DIR ROOT [ROOT ...]

Walks each ROOT, reads every file with pydicom (force=True) and prints one JSON object with a record
per file. For files whose pixel_array pydicom returns, each frame is written to RAW_DIR as raw
little-endian bytes in the array's dtype, and its shape, dtype, min, max, sum and SHA-256 (of those
bytes) are recorded.

pydicom returns colour as stored, while our decoder delivers RGB. So that both compare like for like,
the reference is converted with pydicom's own functions where pydicom leaves colour unconverted:
  * YBR_FULL / YBR_FULL_422 from uncompressed, RLE, JPEG lossless and JPEG-LS data:
    convert_color_space(arr, 'YBR_FULL', 'RGB');
  * JPEG baseline / extended: GDCM hands pydicom the JPEG's components without colour conversion,
    so when the stream stores YCbCr (see jpeg_stores_ycbcr) the same conversion is applied, whatever
    the header claims;
  * PALETTE COLOR: apply_color_lut(arr, ds).
The record says which transform was applied.
"""
import hashlib
import json
import os
import struct
import sys
import warnings

import numpy as np
import pydicom
from pydicom.pixel_data_handlers.util import apply_color_lut, convert_color_space

warnings.simplefilter('ignore')

JPEG_DCT = {'1.2.840.10008.1.2.4.50', '1.2.840.10008.1.2.4.51'}
J2K = {'1.2.840.10008.1.2.4.90', '1.2.840.10008.1.2.4.91'}


def first_fragment(data):
    """The first fragment of encapsulated Pixel Data (after the Basic Offset Table item)."""
    items, i = [], 0
    while i + 8 <= len(data) and struct.unpack('<HH', data[i:i + 4]) == (0xFFFE, 0xE000):
        length = struct.unpack('<I', data[i + 4:i + 8])[0]
        items.append(data[i + 8:i + 8 + length])
        i += 8 + length
        if len(items) == 2:
            return items[1]
    raise ValueError('no fragment')


def jpeg_stores_ycbcr(stream, photometric):
    """libjpeg's jdapimin.c default_decompress_parms for 3 components, except that with neither a
    JFIF nor a valid Adobe marker, an unsubsampled stream labelled RGB holds RGB (PS3.5 8.2.1; what
    GDCM and dcmtk do)."""
    jfif, adobe, ids, sampling = False, None, None, None
    i = 2
    while i + 4 <= len(stream):
        if stream[i] != 0xFF:
            i += 1
            continue
        marker = stream[i + 1]
        if marker in (0xFF, 0x01) or 0xD0 <= marker <= 0xD8:
            i += 1 if marker == 0xFF else 2
            continue
        length = (stream[i + 2] << 8) | stream[i + 3]
        seg = stream[i + 4:i + 2 + length]
        if marker == 0xE0 and seg[:4] == b'JFIF':
            jfif = True
        if marker == 0xEE and seg[:5] == b'Adobe' and len(seg) >= 12:
            adobe = seg[11]
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            ids = [seg[6 + 3 * k] for k in range(seg[5])]
            sampling = {seg[7 + 3 * k] for k in range(seg[5])}
            break
        i += 2 + length
    if jfif:
        return True
    if adobe is not None:
        return adobe != 0
    if photometric == 'RGB' and len(sampling) == 1:
        return False
    return ids != [0x52, 0x47, 0x42]


def reference(ds, arr, ts):
    photometric = str(ds.get('PhotometricInterpretation', '')).strip()
    if photometric == 'PALETTE COLOR':
        return apply_color_lut(arr, ds), 'apply_color_lut'
    if int(ds.get('SamplesPerPixel', 1)) != 3:
        return arr, None
    if ts in JPEG_DCT:
        if jpeg_stores_ycbcr(first_fragment(ds.PixelData), photometric):
            return convert_color_space(arr, 'YBR_FULL', 'RGB'), 'jpeg YCbCr -> RGB (convert_color_space)'
        return arr, None
    if ts not in J2K and photometric in ('YBR_FULL', 'YBR_FULL_422'):
        return convert_color_space(arr, 'YBR_FULL', 'RGB'), 'YBR_FULL -> RGB (convert_color_space)'
    return arr, None


def describe(path, root, raw_dir, index):
    rec = {'file': os.path.relpath(path, root)}
    try:
        ds = pydicom.dcmread(path, force=True)
    except Exception as e:  # noqa: BLE001 - report any reader failure
        return {**rec, 'status': 'unreadable', 'reason': f'{type(e).__name__}: {e}'}
    meta = getattr(ds, 'file_meta', None)
    ts = str(getattr(meta, 'TransferSyntaxUID', '') or '')
    rec.update(
        transferSyntax=ts,
        photometric=str(ds.get('PhotometricInterpretation', '') or ''),
        bitsAllocated=ds.get('BitsAllocated'),
        bitsStored=ds.get('BitsStored'),
        pixelRepresentation=ds.get('PixelRepresentation'),
    )
    if not any(t in ds for t in ('PixelData', 'FloatPixelData', 'DoubleFloatPixelData')):
        return {**rec, 'status': 'no-pixel-data'}
    try:
        arr = ds.pixel_array
        arr, transform = reference(ds, arr, ts)
    except Exception as e:  # noqa: BLE001 - pydicom's own failure is the result
        return {**rec, 'status': 'pydicom-failed', 'reason': f'{type(e).__name__}: {str(e).splitlines()[0]}'}
    frames = int(ds.get('NumberOfFrames', 1) or 1)
    samples = int(ds.get('SamplesPerPixel', 1)) if transform != 'apply_color_lut' else 3
    arr = arr.reshape(frames, int(ds.Rows), int(ds.Columns), samples)
    arr = arr.astype(arr.dtype.newbyteorder('<'))
    out = []
    for f in range(frames):
        frame = np.ascontiguousarray(arr[f])
        raw = os.path.join(raw_dir, f'{index}-{f}.raw')
        data = frame.tobytes()
        with open(raw, 'wb') as fh:
            fh.write(data)
        out.append(
            {
                'raw': raw,
                'min': frame.min().item(),
                'max': frame.max().item(),
                'sum': int(frame.astype(np.float64).sum()) if frame.dtype.kind == 'f' else int(frame.astype(np.int64).sum()),
                'sha256': hashlib.sha256(data).hexdigest(),
            }
        )
    return {
        **rec,
        'status': 'ok',
        'dtype': arr.dtype.name,
        'rows': int(ds.Rows),
        'columns': int(ds.Columns),
        'samples': samples,
        'transform': transform,
        'frames': out,
    }


def main():
    raw_dir, roots = sys.argv[1], sys.argv[2:]
    records = []
    for root in roots:
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames.sort()
            for name in sorted(filenames):
                path = os.path.join(dirpath, name)
                rec = describe(path, root, raw_dir, len(records))
                records.append({**rec, 'root': root, 'path': path})
    json.dump({'pydicom': pydicom.__version__, 'records': records}, sys.stdout)


if __name__ == '__main__':
    main()
