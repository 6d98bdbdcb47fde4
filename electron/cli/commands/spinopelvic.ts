import { readFile } from 'node:fs/promises';
import { landmarkFileSchema } from '../../../shared/measurements/landmark-file-schema.ts';
import { spinopelvicAlignment } from '../../../shared/measurements/spinopelvic.ts';
import type { Command } from '../command.ts';
import { UsageError, stringOption } from '../command.ts';

export const spinopelvicCommand: Command = {
  name: 'spinopelvic',
  summary: 'Compute PI, PT, SS, LL, PI–LL, SVA, TPA and SRS–Schwab grades from lateral-film landmarks.',
  usage: 'spinopelvic --landmarks FILE [--json]',
  options: { landmarks: { type: 'string' } },
  needsBackend: false,
  async run({ values, io }) {
    const file = stringOption(values, 'landmarks');
    if (!file) throw new UsageError('spinopelvic needs --landmarks FILE.');
    const text = await readFile(file, 'utf8').catch(() => {
      throw new UsageError(`cannot read ${file}`);
    });
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      throw new UsageError(`${file} is not JSON.`);
    }
    const parsed = landmarkFileSchema.safeParse(raw);
    if (!parsed.success)
      throw new UsageError(
        `${file}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'file'}: ${i.message}`).join('; ')}`,
      );
    const r = spinopelvicAlignment(parsed.data);
    if (io.json) return io.out(JSON.stringify(r, null, 2));
    io.out(`PI ${r.PI}°  PT ${r.PT}°  SS ${r.SS}°  LL ${r.LL}°  PI–LL ${r.PI_LL}°`);
    io.out(`SVA ${r.SVA_mm} mm  TPA ${r.TPA}°`);
    io.out(`SRS–Schwab: PI–LL ${r.schwab.PI_LL}  PT ${r.schwab.PT}  SVA ${r.schwab.SVA}`);
  },
};
