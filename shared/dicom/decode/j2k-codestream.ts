import { PixelDecodeError } from '../errors.ts';
import type { PixelModule } from '../pixel-module.ts';

/** The image and tile grid a JPEG 2000 codestream declares in its SIZ marker (ISO/IEC 15444-1 A.5.1). */
export interface J2kSize {
  width: number;
  height: number;
  components: number;
  tiles: number;
}

/** A codestream has at most 65,535 tiles: the tile index (Isot) is 16 bits (ISO/IEC 15444-1 A.4.2). */
const MAX_TILES = 65_535;

/** Reads SOC + SIZ at the start of a raw codestream; null when the bytes do not start that way. */
export function readJ2kSize(b: Uint8Array): J2kSize | null {
  if (b.length < 4 + 40 || b[0] !== 0xff || b[1] !== 0x4f || b[2] !== 0xff || b[3] !== 0x51) return null;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const u32 = (at: number): number => view.getUint32(at);
  const [x, y, x0, y0] = [u32(8), u32(12), u32(16), u32(20)];
  const [tileWidth, tileHeight, tileX0, tileY0] = [u32(24), u32(28), u32(32), u32(36)];
  const components = view.getUint16(40);
  const across = tileWidth > 0 && x > tileX0 ? Math.ceil((x - tileX0) / tileWidth) : 0;
  const down = tileHeight > 0 && y > tileY0 ? Math.ceil((y - tileY0) / tileHeight) : 0;
  return { width: x - x0, height: y - y0, components, tiles: across * down };
}

/**
 * Refuses, before the codec runs, a codestream whose declared image disagrees with the DICOM header
 * (PS3.5 8.2.4: they must match) or whose tile grid is impossible: OpenJPEG would otherwise spend
 * minutes laying out billions of pixels of a damaged stream that is refused afterwards anyway.
 */
export function checkJ2kSize(bytes: Uint8Array, module: PixelModule): void {
  const size = readJ2kSize(bytes);
  if (!size) return; // not a raw codestream (a JP2 wrapper): the codec says what it makes of it
  const refuse = (why: string): never => {
    throw new PixelDecodeError(`The JPEG 2000 data cannot be decoded (${why}).`);
  };
  if (size.width !== module.columns || size.height !== module.rows)
    refuse(
      `its codestream declares a ${size.width}×${size.height} image but the header says ${module.columns}×${module.rows}`,
    );
  if (size.components !== module.samplesPerPixel)
    refuse(
      `its codestream declares ${size.components} component(s) but the header says ${module.samplesPerPixel}`,
    );
  if (size.tiles < 1 || size.tiles > MAX_TILES)
    refuse(`its codestream declares ${size.tiles} tiles; a codestream holds 1 to ${MAX_TILES}`);
}
