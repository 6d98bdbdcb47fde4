import { PixelDecodeError } from '../../../shared/dicom/errors.ts';
import { decodeFileStats } from '../../services/pixels/decode-file.ts';
import type { Command } from '../command.ts';
import { UsageError, stringOption } from '../command.ts';

export const pixelsCommand: Command = {
  name: 'pixels',
  summary:
    'Decode one frame of a DICOM file as the viewer does; print its size and value range (after rescale).',
  usage: 'pixels FILE [--frame N] [--json]   (frames count from 1)',
  options: { frame: { type: 'string' } },
  needsBackend: false,
  async run({ values, positionals, io }) {
    const [file] = positionals;
    if (!file) throw new UsageError('pixels needs a file.');
    const frameArg = stringOption(values, 'frame') ?? '1';
    const frame = Number(frameArg);
    if (!Number.isInteger(frame) || frame < 1)
      throw new UsageError(`--frame must be 1 or more, not "${frameArg}".`);
    let stats;
    try {
      stats = await decodeFileStats(file, frame - 1);
    } catch (e) {
      if (e instanceof PixelDecodeError) throw new UsageError(e.message);
      throw e;
    }
    if (frame > stats.frames)
      throw new UsageError(`${file} has ${stats.frames} frame(s); --frame ${frame} does not exist.`);
    if (io.json) return io.out(JSON.stringify({ ...stats, frame }, null, 2));
    io.out(
      `${stats.columns}×${stats.rows}, frame ${frame} of ${stats.frames}, ${stats.photometric}, ${stats.transferSyntax}`,
    );
    io.out(`min ${stats.min}  max ${stats.max}  mean ${stats.mean.toFixed(2)}`);
  },
};
