"""Writes DICOM files that pydicom's corpus lacks, for the decoder comparison tests.

Usage: /usr/bin/python3 make_variants.py OUT_DIR

Made with pydicom (palette colour, YBR_FULL, multi-frame, odd bit depths) and dcmtk (JPEG-LS
near-lossless, JPEG lossless SV6, 12-bit JPEG extended, RLE, fragmented frames without a Basic Offset
Table). Prints one JSON line per file: {"file": name, "made_by": how}. A dcmtk tool that is missing
is reported as {"file": name, "skipped": reason}.
"""
import json
import os
import shutil
import subprocess
import sys

import numpy as np
import pydicom
from pydicom.pixel_data_handlers.util import convert_color_space
from pydicom.uid import ExplicitVRLittleEndian

CORPUS = os.path.join(os.path.dirname(pydicom.__file__), 'data', 'test_files')
OUT = sys.argv[1]


def corpus(name):
    return pydicom.dcmread(os.path.join(CORPUS, name))


def save(ds, name, how):
    ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds.is_little_endian, ds.is_implicit_VR = True, False
    ds.save_as(os.path.join(OUT, name), write_like_original=False)
    print(json.dumps({'file': name, 'made_by': how}))


def dcmtk(tool, args, source, name):
    if not shutil.which(tool):
        print(json.dumps({'file': name, 'skipped': f'{tool} (dcmtk) is not installed'}))
        return
    subprocess.run([tool, *args, os.path.join(OUT, source), os.path.join(OUT, name)], check=True)
    print(json.dumps({'file': name, 'made_by': f'{tool} {" ".join(args)} {source}'}))


def set_pixels(ds, arr):
    ds.PixelData = arr.tobytes()
    if 'NumberOfFrames' in ds and arr.ndim >= 3 and ds.SamplesPerPixel == 1:
        ds.NumberOfFrames = arr.shape[0]


# Multi-frame signed 16-bit MR: three different frames.
mr = corpus('MR_small.dcm')
base = mr.pixel_array.astype(np.int16)
frames = np.stack([base, base[::-1, :], (base // 2) - 300]).astype(np.int16)
mr.NumberOfFrames = 3
set_pixels(mr, frames)
save(mr, 'mf_mr.dcm', 'pydicom: MR_small x3 frames, signed 16-bit')

# CT with 12 significant bits, unsigned (source for 12-bit JPEG).
ct = corpus('CT_small.dcm')
ct.PixelRepresentation, ct.BitsStored, ct.HighBit = 0, 12, 11
set_pixels(ct, np.clip(ct.pixel_array, 0, 4095).astype(np.uint16))
save(ct, 'ct12.dcm', 'pydicom: CT_small as unsigned 12-bit')

# Signed 12-bit whose unused high bits hold garbage: decoders must mask and sign-extend.
sg = corpus('MR_small.dcm')
vals = (sg.pixel_array.astype(np.int32) - 1024).clip(-2048, 2047)
raw = (vals & 0x0FFF) | 0xA000  # bits 12-15 are not part of the value (PS3.5 8.1.1)
sg.BitsStored, sg.HighBit = 12, 11
sg.PixelData = raw.astype(np.uint16).tobytes()
save(sg, 'signed12_dirty_high_bits.dcm', 'pydicom: MR_small as signed 12-bit, high bits set')
# The values it holds, stored cleanly: pydicom 2.3 does not mask unused high bits, so this is the reference.
sg.PixelData = vals.astype(np.int16).tobytes()
save(sg, 'signed12_clean.dcm', 'pydicom: the same values, high bits sign-extended')

# 1-bit, three 5x5 frames: frames start inside bytes (25 bits each).
bits = corpus('liver_1frame.dcm')
masks = np.stack([(np.arange(25).reshape(5, 5) + k) % (k + 2) == 0 for k in range(3)]).astype(np.uint8)
bits.Rows, bits.Columns, bits.NumberOfFrames = 5, 5, 3
bits.PixelData = pydicom.pixel_data_handlers.numpy_handler.pack_bits(masks.ravel())
save(bits, 'bits1_3frames.dcm', 'pydicom: 1-bit, 3 frames of 5x5')

# Palette colour, 8-bit and 16-bit entries, and a first mapped value above zero.
for name, entries, first, depth in [('palette8.dcm', 256, 0, 8), ('palette16_first20.dcm', 200, 20, 16)]:
    pal = pydicom.dcmread(os.path.join(CORPUS, 'image_dfl.dcm'))
    pal.PhotometricInterpretation = 'PALETTE COLOR'
    i = np.arange(entries)
    luts = [(i * 7) % 256, 255 - (i % 256), (i * i) % 256]
    if depth == 16:
        luts = [lut * 257 for lut in luts]
    for color, lut in zip(['Red', 'Green', 'Blue'], luts):
        setattr(pal, f'{color}PaletteColorLookupTableDescriptor', [entries, first, depth])
        pal[f'{color}PaletteColorLookupTableDescriptor'].VR = 'US'
        data = np.asarray(lut, dtype=np.uint8 if depth == 8 else '<u2').tobytes()
        setattr(pal, f'{color}PaletteColorLookupTableData', data)
        pal[f'{color}PaletteColorLookupTableData'].VR = 'OW'
    set_pixels(pal, pal.pixel_array)
    save(pal, name, f'pydicom: image_dfl with a {depth}-bit palette, first mapped {first}')

# YBR_FULL, uncompressed, planar configuration 1.
ybr = corpus('ExplVR_BigEnd.dcm')
rgb = ybr.pixel_array
ybr.PhotometricInterpretation, ybr.PlanarConfiguration = 'YBR_FULL', 1
set_pixels(ybr, np.ascontiguousarray(convert_color_space(rgb, 'RGB', 'YBR_FULL').transpose(2, 0, 1)))
save(ybr, 'ybr_full_planar.dcm', 'pydicom: ExplVR_BigEnd converted to YBR_FULL, planar')

# Float Pixel Data (7FE0,0008), as parametric maps carry.
fl = corpus('MR_small.dcm')
values = (fl.pixel_array.astype(np.float32) / 7.0 - 3.25).astype('<f4')
del fl.PixelData
fl.FloatPixelData = values.tobytes()
fl.BitsAllocated = 32
for keyword in ('BitsStored', 'HighBit', 'PixelRepresentation'):
    delattr(fl, keyword)
save(fl, 'float32.dcm', 'pydicom: MR_small / 7 - 3.25 as Float Pixel Data')

# Sources for dcmtk: the 8-bit grey image (inflated) and RGB planar.
grey = corpus('image_dfl.dcm')
save(grey, 'grey8.dcm', 'pydicom: image_dfl inflated')
rgbsrc = corpus('ExplVR_BigEnd.dcm')
save(rgbsrc, 'rgb8.dcm', 'pydicom: ExplVR_BigEnd as little endian')

dcmtk('dcmcjpls', ['+fs', '1', '-ot'], 'mf_mr.dcm', 'mf_mr_jpegls_fragmented_no_bot.dcm')
dcmtk('dcmcjpeg', ['+el', '+sv', '6', '+fs', '1', '-ot'], 'mf_mr.dcm', 'mf_mr_jpeg_lossless_sv6_fragmented.dcm')
dcmtk('dcmcjpeg', ['+el', '+sv', '4'], 'mf_mr.dcm', 'mf_mr_jpeg_lossless_sv4.dcm')
dcmtk('dcmcjpeg', ['+el', '+sv', '7'], 'mf_mr.dcm', 'mf_mr_jpeg_lossless_sv7.dcm')
dcmtk('dcmcrle', [], 'mf_mr.dcm', 'mf_mr_rle.dcm')
dcmtk('dcmcjpls', ['+en', '+md', '3'], 'ct12.dcm', 'ct12_jpegls_near3.dcm')
dcmtk('dcmcjpeg', ['+ee'], 'ct12.dcm', 'ct12_jpeg_extended.dcm')
dcmtk('dcmcjpeg', ['+eb'], 'grey8.dcm', 'grey8_jpeg_baseline.dcm')
dcmtk('dcmcjpeg', ['+ee'], 'grey8.dcm', 'grey8_jpeg_extended_8bit.dcm')
dcmtk('dcmcrle', [], 'grey8.dcm', 'grey8_rle.dcm')
dcmtk('dcmcjpls', [], 'rgb8.dcm', 'rgb8_jpegls.dcm')
dcmtk('dcmcjpeg', ['+el', '+sv', '1'], 'rgb8.dcm', 'rgb8_jpeg_lossless_sv1.dcm')

# A second opinion on 12-bit JPEG: dcmtk's own decoder (IJG libjpeg, 12-bit build).
shutil.copy(os.path.join(CORPUS, 'JPGExtended.dcm'), os.path.join(OUT, 'JPGExtended.dcm'))
print(json.dumps({'file': 'JPGExtended.dcm', 'made_by': 'copy of the corpus file'}))
dcmtk('dcmdjpeg', [], 'JPGExtended.dcm', 'JPGExtended_dcmdjpeg.dcm')
dcmtk('dcmdjpeg', [], 'ct12_jpeg_extended.dcm', 'ct12_jpeg_extended_dcmdjpeg.dcm')
dcmtk('dcmdjpeg', [], 'grey8_jpeg_baseline.dcm', 'grey8_jpeg_baseline_dcmdjpeg.dcm')
