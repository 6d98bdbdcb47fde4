import { call } from '../call.ts';
import type { Command } from '../command.ts';
import { UsageError, stringOption } from '../command.ts';
import { archiveIdByName } from './pacs-search.ts';

const PROGRESS_EVERY_MS = 500;

export const pacsRetrieveCommand: Command = {
  name: 'pacs-retrieve',
  summary: 'Retrieve a study (or some series) from an archive into the image store, optionally into a case.',
  usage: 'pacs-retrieve --pacs N --study UID [--series UID]... [--case ID] [--json]',
  options: {
    pacs: { type: 'string' },
    study: { type: 'string' },
    series: { type: 'string', multiple: true },
    case: { type: 'string' },
  },
  needsBackend: true,
  async run({ values, backend, io }) {
    const archiveId = await archiveIdByName(backend, stringOption(values, 'pacs'));
    const studyUid = stringOption(values, 'study');
    if (!studyUid) throw new UsageError('pacs-retrieve needs --study UID.');
    const series = Array.isArray(values.series) ? values.series.map(String) : [];
    const caseArg = stringOption(values, 'case');
    const caseId = caseArg === undefined ? undefined : Number(caseArg);
    if (caseId !== undefined && !(Number.isInteger(caseId) && caseId > 0))
      throw new UsageError(`--case must be a case number, not "${caseArg}".`);
    const { retrieveId } = await call(backend, 'pacs.retrieve', {
      archiveId,
      studyUid,
      ...(series.length ? { seriesUids: series } : {}),
      ...(caseId !== undefined ? { caseId } : {}),
    });
    const interrupt = () => void call(backend, 'pacs.cancelRetrieve', { retrieveId });
    process.once('SIGINT', interrupt);
    const timer = setInterval(() => {
      void call(backend, 'pacs.retrieveStatus', { retrieveId }).then((p) => {
        if (!io.json)
          process.stderr.write(
            `\r${p.phase}: ${p.downloaded + p.alreadyStored}/${p.instancesTotal} images, ${p.megabytesPerSecond.toFixed(1)} MB/s   `,
          );
      });
    }, PROGRESS_EVERY_MS);
    try {
      await backend!.ctx.pacs.wait(retrieveId);
    } finally {
      clearInterval(timer);
      process.removeListener('SIGINT', interrupt);
    }
    const p = await call(backend, 'pacs.retrieveStatus', { retrieveId });
    const summary = {
      imported: p.imported,
      duplicates: p.duplicates,
      alreadyStored: p.alreadyStored,
      downloaded: p.downloaded,
      skipped: p.skipped,
      failed: p.failed,
      conflicts: p.conflicts,
      state: p.state,
      error: p.error,
      megabytes: Math.round(p.bytesDownloaded / 1e4) / 100,
      megabytesPerSecond: Math.round(p.megabytesPerSecond * 10) / 10,
      seconds: Math.round(p.elapsedMs / 100) / 10,
    };
    if (io.json) io.out(JSON.stringify(summary, null, 2));
    else
      io.out(
        `\r${p.state === 'done' ? 'Retrieved' : `Retrieve ${p.state}:`} ${p.imported} new, ${p.alreadyStored} already stored, ${p.failed.length} failed (${summary.seconds} s).${p.error ? ` ${p.error}` : ''}`,
      );
    if (p.state !== 'done') process.exitCode = 1;
  },
};
