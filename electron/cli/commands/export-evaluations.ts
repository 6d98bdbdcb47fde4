import { writeFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { EXPORT_FORMATS, exportFormatSchema } from '../../../shared/contract/evaluation-schemas.ts';
import type { ExportFile } from '../../../shared/contract/evaluation-schemas.ts';
import { registryDictionaryCsv } from '../../../shared/evaluation-export/registry.ts';
import { call } from '../call.ts';
import type { Command } from '../command.ts';
import { UsageError, stringOption } from '../command.ts';

/**
 * Where each exported file goes: the first at --out, the others beside it with their table in the
 * name (out.csv → out.imaging.levels.csv), so one command writes a registry's whole CSV set.
 */
export function outputPaths(out: string, files: readonly ExportFile[]): string[] {
  const ext = extname(out);
  const stem = ext ? out.slice(0, -ext.length) : out;
  const first = files[0]?.name ?? '';
  return files.map((f, i) => {
    if (i === 0) return out;
    // "evaluations-2026-01-05.imaging.levels.csv" → ".imaging.levels"
    const suffix = f.name.slice(first.length - extname(first).length, f.name.length - extname(f.name).length);
    return `${stem}${suffix}${ext}`;
  });
}

function caseIds(values: Record<string, unknown>): number[] | undefined {
  const raw = values.case;
  const list = Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? [raw] : [];
  if (!list.length) return undefined;
  return list.map((s) => {
    const id = Number(s);
    if (!Number.isInteger(id) || id <= 0) throw new UsageError(`--case must be a case number, not "${s}".`);
    return id;
  });
}

export const exportEvaluationsCommand: Command = {
  name: 'export-evaluations',
  summary:
    'Export evaluations as JSON, CSV, registry CSV (one row per decided version) or FHIR R4; or the registry data dictionary.',
  usage: `export-evaluations (--format ${EXPORT_FORMATS.join('|')} [--case ID]... [--deidentified] | --data-dictionary) --out FILE [--json]`,
  options: {
    format: { type: 'string' },
    case: { type: 'string', multiple: true },
    out: { type: 'string' },
    deidentified: { type: 'boolean' },
    'data-dictionary': { type: 'boolean' },
  },
  needsBackend: true,
  async run({ values, backend, io }) {
    const out = stringOption(values, 'out');
    if (values['data-dictionary'] === true) {
      if (!out) throw new UsageError('export-evaluations --data-dictionary needs --out FILE.');
      if (values.format !== undefined)
        throw new UsageError('--data-dictionary writes the registry data dictionary; leave out --format.');
      const content = registryDictionaryCsv();
      writeFileSync(resolve(out), content);
      const written = { path: resolve(out), bytes: Buffer.byteLength(content) };
      if (io.json) return io.out(JSON.stringify({ dataDictionary: written }, null, 2));
      return io.out(`Registry data dictionary: ${written.path} (${written.bytes} bytes)`);
    }
    const format = exportFormatSchema.safeParse(stringOption(values, 'format'));
    if (!format.success)
      throw new UsageError(`export-evaluations needs --format ${EXPORT_FORMATS.join('|')}.`);
    if (!out) throw new UsageError('export-evaluations needs --out FILE.');
    const ids = caseIds(values);
    const result = await call(backend, 'evaluation.export', {
      format: format.data,
      ...(ids ? { caseIds: ids } : {}),
      ...(values.deidentified === true ? { deidentified: true } : {}),
    });
    const paths = outputPaths(resolve(out), result.files);
    // Owner-only, like the database: these files hold patient data.
    result.files.forEach((f, i) => writeFileSync(paths[i] ?? out, f.content, { mode: 0o600 }));
    const written = result.files.map((f, i) => ({
      path: paths[i] ?? out,
      bytes: Buffer.byteLength(f.content),
    }));
    if (io.json)
      return io.out(
        JSON.stringify({ format: result.format, cases: result.caseCount, files: written }, null, 2),
      );
    io.out(
      `Exported ${result.caseCount} evaluation${result.caseCount === 1 ? '' : 's'} as ${result.format}:`,
    );
    for (const w of written) io.out(`  ${w.path} (${w.bytes} bytes)`);
  },
};
