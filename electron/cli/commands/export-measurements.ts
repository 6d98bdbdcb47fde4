import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { MEASUREMENT_EXPORT_FORMATS } from '../../../shared/contract/measurement-schemas.ts';
import { call } from '../call.ts';
import type { Command } from '../command.ts';
import { UsageError, stringOption } from '../command.ts';

export const exportMeasurementsCommand: Command = {
  name: 'export-measurements',
  summary: "Export a case's measurements as CSV or as a DICOM SR measurement report (TID 1500).",
  usage: `export-measurements --case ID --format ${MEASUREMENT_EXPORT_FORMATS.join('|')} --out FILE [--json]`,
  options: { case: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } },
  needsBackend: true,
  async run({ values, backend, io }) {
    const caseId = Number(stringOption(values, 'case'));
    if (!Number.isInteger(caseId) || caseId <= 0)
      throw new UsageError('export-measurements needs --case ID.');
    const format = stringOption(values, 'format');
    if (format !== 'csv' && format !== 'sr')
      throw new UsageError(`export-measurements needs --format ${MEASUREMENT_EXPORT_FORMATS.join('|')}.`);
    const out = stringOption(values, 'out');
    if (!out) throw new UsageError('export-measurements needs --out FILE.');
    const r = await call(backend, 'measurements.export', { caseId, format });
    const bytes = r.encoding === 'base64' ? Buffer.from(r.content, 'base64') : Buffer.from(r.content, 'utf8');
    // Owner-only, like the database: the file holds patient data.
    writeFileSync(resolve(out), bytes, { mode: 0o600 });
    if (io.json) return io.out(JSON.stringify({ format, path: resolve(out), bytes: bytes.length }, null, 2));
    io.out(`Wrote ${resolve(out)} (${bytes.length} bytes)`);
  },
};
