import { resolve } from 'node:path';
import { importSummary } from '../../../shared/imaging/import-progress.ts';
import { call } from '../call.ts';
import type { Command } from '../command.ts';
import { UsageError, stringOption } from '../command.ts';

const PROGRESS_EVERY_MS = 500;

export const importCommand: Command = {
  name: 'import',
  summary: 'Import DICOM files, folders, patient CDs (DICOMDIR) and zip archives into the image store.',
  usage: 'import PATH... [--case ID] [--json]',
  options: { case: { type: 'string' } },
  needsBackend: true,
  async run({ values, positionals, backend, io }) {
    if (!positionals.length) throw new UsageError('import needs at least one file or folder.');
    const caseArg = stringOption(values, 'case');
    const caseId = caseArg === undefined ? undefined : Number(caseArg);
    if (caseId !== undefined && !(Number.isInteger(caseId) && caseId > 0))
      throw new UsageError(`--case must be a case number, not "${caseArg}".`);
    const { importId } = await call(backend, 'imports.start', {
      paths: positionals.map((p) => resolve(p)),
      ...(caseId !== undefined ? { caseId } : {}),
    });
    const interrupt = (): void => {
      void call(backend, 'imports.cancel', { importId });
    };
    process.once('SIGINT', interrupt);
    const timer = setInterval(() => {
      void call(backend, 'imports.status', { importId }).then((p) => {
        if (!io.json)
          process.stderr.write(
            `\r${p.filesDone}/${p.filesFound} files, ${p.megabytesPerSecond.toFixed(0)} MB/s   `,
          );
      });
    }, PROGRESS_EVERY_MS);
    try {
      const done = await backend!.ctx.imports.wait(importId);
      const final = await call(backend, 'imports.status', { importId }).catch(() => done);
      const summary = importSummary(final);
      if (io.json) return io.out(JSON.stringify(summary, null, 2));
      process.stderr.write('\r');
      io.out(
        `${final.state === 'done' ? 'Imported' : `Import ${final.state}:`} ${summary.imported} new, ${summary.duplicates} already stored, ${summary.skipped} skipped, ${summary.failed.length} failed, ${summary.conflicts.length} conflicts (${summary.seconds} s).`,
      );
      for (const f of [...summary.failed, ...summary.conflicts]) io.out(`  ${f.path}: ${f.reason}`);
    } finally {
      clearInterval(timer);
      process.removeListener('SIGINT', interrupt);
    }
  },
};
