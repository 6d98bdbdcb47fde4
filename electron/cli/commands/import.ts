import { resolve } from 'node:path';
import type { ImportProgress } from '../../../shared/imaging/import-progress.ts';
import { importSummary } from '../../../shared/imaging/import-progress.ts';
import type { CliIo, Command } from '../command.ts';
import { UsageError, stringOption } from '../command.ts';
import { importAndWait } from '../import-and-wait.ts';

export function printSummary(io: CliIo, final: ImportProgress): void {
  const summary = importSummary(final);
  if (io.json) return io.out(JSON.stringify(summary, null, 2));
  io.out(
    `${final.state === 'done' ? 'Imported' : `Import ${final.state}:`} ${summary.imported} new, ${summary.duplicates} already stored, ${summary.skipped} skipped, ${summary.failed.length} failed, ${summary.conflicts.length} conflicts (${summary.seconds} s).`,
  );
  for (const f of [...summary.failed, ...summary.conflicts]) io.out(`  ${f.path}: ${f.reason}`);
}

export const importCommand: Command = {
  name: 'import',
  summary: 'Import DICOM files, folders, patient CDs (DICOMDIR) and zip archives into the image store.',
  usage: 'import PATH... [--case ID] [--json]',
  options: { case: { type: 'string' } },
  needsBackend: true,
  // The workers start while the backend opens and recovers, not after.
  prepare: (backend) => backend.ctx.imports.warm(),
  async run({ values, positionals, backend, io }) {
    if (!positionals.length) throw new UsageError('import needs at least one file or folder.');
    const caseArg = stringOption(values, 'case');
    const caseId = caseArg === undefined ? undefined : Number(caseArg);
    if (caseId !== undefined && !(Number.isInteger(caseId) && caseId > 0))
      throw new UsageError(`--case must be a case number, not "${caseArg}".`);
    const final = await importAndWait(
      backend,
      positionals.map((p) => resolve(p)),
      caseId,
      io.json,
    );
    printSummary(io, final);
  },
};
