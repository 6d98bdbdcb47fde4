import { PixelDecodeError } from './errors.ts';
import type { Fragment, PixelDataElement } from './pixel-data-element.ts';
import type { PixelModule } from './pixel-module.ts';

/** The bytes of one frame. For 1-bit native data a frame may start inside a byte: `bitOffset`. */
export interface FrameBytes {
  bytes: Uint8Array;
  bitOffset: number;
}

/** Bits of one native frame; YBR_FULL_422 stores two samples per pixel (PS3.3 C.7.6.3.1.2). */
export function nativeFrameBits(module: PixelModule): number {
  const samples = module.photometric === 'YBR_FULL_422' ? 2 : module.samplesPerPixel;
  const bits = module.floatBits ?? module.bitsAllocated;
  return module.rows * module.columns * samples * bits;
}

function nativeFrame(px: PixelDataElement, module: PixelModule, index: number): FrameBytes {
  const frameBits = nativeFrameBits(module);
  const startBit = index * frameBits;
  const start = Math.floor(startBit / 8);
  const end = Math.ceil((startBit + frameBits) / 8);
  const needed = Math.ceil((module.frames * frameBits) / 8);
  if (px.declaredLength < needed && !px.truncated)
    throw new PixelDecodeError(
      `The Pixel Data holds ${px.declaredLength} bytes but ${module.frames} frame(s) of ` +
        `${module.rows}×${module.columns}×${module.samplesPerPixel} at ${module.floatBits ?? module.bitsAllocated} bits need ${needed}.`,
    );
  if (end > px.bytes.length)
    throw new PixelDecodeError(
      `The Pixel Data is truncated: frame ${index + 1} needs bytes ${start}–${end} but the file holds only ` +
        `${px.bytes.length} of the ${px.declaredLength} bytes it declares.`,
    );
  return { bytes: px.bytes.subarray(start, end), bitOffset: startBit % 8 };
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const dataOf = (px: PixelDataElement, f: Fragment): Uint8Array =>
  px.bytes.subarray(f.position, f.position + f.length);

/** A fragment that starts a new compressed frame: JPEG / JPEG-LS SOI, J2K SOC or a JP2 signature box. */
function startsFrame(b: Uint8Array): boolean {
  if (b[0] === 0xff && (b[1] === 0xd8 || b[1] === 0x4f)) return true;
  return b[4] === 0x6a && b[5] === 0x50 && b[6] === 0x20 && b[7] === 0x20;
}

/** Groups fragments into frames when no offset table says where frames start (PS3.5 A.4). */
function groupByMarkers(px: PixelDataElement, frames: number, oneFragmentPerFrame: boolean): Fragment[][] {
  if (oneFragmentPerFrame) return px.fragments.map((f) => [f]);
  const groups: Fragment[][] = [];
  for (const f of px.fragments) {
    if (groups.length === 0 || startsFrame(dataOf(px, f))) groups.push([f]);
    else groups[groups.length - 1]!.push(f);
  }
  // In a truncated file the last group may be incomplete: keep only whole ones.
  if (px.truncated && groups.length < frames) return groups.slice(0, -1);
  if (groups.length !== frames)
    throw new PixelDecodeError(
      `Cannot tell which compressed fragments belong to which frame: ${px.fragments.length} fragments, ` +
        `${frames} frames, no offset table, and ${groups.length} frame start markers.`,
    );
  return groups;
}

function fragmentsOfFrame(
  px: PixelDataElement,
  frames: number,
  index: number,
  oneFragmentPerFrame: boolean,
): Fragment[] {
  const all = px.fragments;
  if (px.extendedOffsets && px.extendedOffsets.length === frames) {
    const start = px.extendedOffsets[index]!;
    const end = px.extendedOffsets[index + 1] ?? Infinity;
    return all.filter((f) => f.offset >= start && f.offset < end);
  }
  const bot = px.basicOffsetTable;
  if (bot.length === frames && bot.length > 0 && bot.every((o) => all.some((f) => f.offset === o))) {
    const start = bot[index]!;
    const end = bot[index + 1] ?? Infinity;
    return all.filter((f) => f.offset >= start && f.offset < end);
  }
  if (frames === 1) return px.truncated ? [] : all;
  if (all.length === frames) return [all[index]!];
  return groupByMarkers(px, frames, oneFragmentPerFrame)[index] ?? [];
}

/**
 * Extracts frame `index` (0-based): native bytes, or the concatenated fragments of a compressed
 * frame. `oneFragmentPerFrame` is for RLE, where the standard requires it (PS3.5 A.4.2).
 */
export function frameBytes(
  px: PixelDataElement,
  module: PixelModule,
  index: number,
  oneFragmentPerFrame = false,
): FrameBytes {
  if (!Number.isInteger(index) || index < 0 || index >= module.frames)
    throw new PixelDecodeError(`Frame ${index + 1} does not exist: the image has ${module.frames} frame(s).`);
  if (!px.encapsulated) return nativeFrame(px, module, index);
  if (px.fragments.length === 0)
    throw new PixelDecodeError(
      px.truncated
        ? 'The compressed Pixel Data is truncated: frame 1 is incomplete.'
        : 'The compressed Pixel Data has no fragments.',
    );
  const parts = fragmentsOfFrame(px, module.frames, index, oneFragmentPerFrame);
  if (parts.length === 0)
    throw new PixelDecodeError(
      px.truncated
        ? `The compressed Pixel Data is truncated: frame ${index + 1} is incomplete.`
        : `Frame ${index + 1} has no compressed data.`,
    );
  return { bytes: concat(parts.map((f) => dataOf(px, f))), bitOffset: 0 };
}
