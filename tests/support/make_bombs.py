"""Hostile files under 10 MB: a deflated DICOM that inflates to ~1.5 GB, and a zip declaring three
512 MiB entries. Usage: make_bombs.py OUT_DIR. Written by streaming: the bombs never exist inflated."""
import os
import struct
import sys
import zipfile
import zlib

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
ZEROS = bytes(1 << 20)


def element(group, elem, vr, value):
    if vr in ('OB', 'OW', 'SQ', 'UN', 'UT'):
        return struct.pack('<HH2sHI', group, elem, vr.encode(), 0, len(value)) + value
    return struct.pack('<HH2sH', group, elem, vr.encode(), len(value)) + value


def text(s):
    b = s.encode()
    return b + (b' ' if len(b) % 2 else b'')


def uid(s):
    b = s.encode()
    return b + (b'\0' if len(b) % 2 else b'')


DEFLATED = '1.2.840.10008.1.2.1.99'
sop = '1.2.826.0.1.3680043.8.498.9001'
meta_body = (element(0x0002, 0x0001, 'OB', b'\0\1') + element(0x0002, 0x0002, 'UI', uid('1.2.840.10008.5.1.4.1.1.7'))
             + element(0x0002, 0x0003, 'UI', uid(sop)) + element(0x0002, 0x0010, 'UI', uid(DEFLATED)))
meta = element(0x0002, 0x0000, 'UL', struct.pack('<I', len(meta_body))) + meta_body
header = (element(0x0008, 0x0016, 'UI', uid('1.2.840.10008.5.1.4.1.1.7')) + element(0x0008, 0x0018, 'UI', uid(sop))
          + element(0x0010, 0x0010, 'PN', text('Bomb^Deflate')) + element(0x0010, 0x0020, 'LO', text('BOMB-1'))
          + element(0x0020, 0x000D, 'UI', uid(sop + '.1')) + element(0x0020, 0x000E, 'UI', uid(sop + '.2'))
          + element(0x0028, 0x0002, 'US', struct.pack('<H', 1)) + element(0x0028, 0x0004, 'CS', text('MONOCHROME2'))
          + element(0x0028, 0x0010, 'US', struct.pack('<H', 1)) + element(0x0028, 0x0011, 'US', struct.pack('<H', 1))
          + element(0x0028, 0x0100, 'US', struct.pack('<H', 8)) + element(0x0028, 0x0101, 'US', struct.pack('<H', 8))
          + element(0x0028, 0x0102, 'US', struct.pack('<H', 7)) + element(0x0028, 0x0103, 'US', struct.pack('<H', 0)))
huge = 1500 * (1 << 20)
deflater = zlib.compressobj(9, zlib.DEFLATED, -15)
with open(os.path.join(out, 'deflate-bomb.dcm'), 'wb') as f:
    f.write(b'\0' * 128 + b'DICM' + meta)
    f.write(deflater.compress(header + struct.pack('<HH2sHI', 0x7FE0, 0x0010, b'OB', 0, huge)))
    for _ in range(huge >> 20):
        f.write(deflater.compress(ZEROS))
    f.write(deflater.flush())

with zipfile.ZipFile(os.path.join(out, 'zip-bomb.zip'), 'w', zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    for i in range(3):
        with z.open(f'CD/IM{i}', 'w', force_zip64=True) as entry:
            for _ in range(512):
                entry.write(ZEROS)
