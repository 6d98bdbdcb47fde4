import { basename } from 'node:path';
import { writeAudit } from '../../db/audit.ts';
import { linkStudy } from '../../db/case-studies.ts';
import { refreshCaseSearch } from '../../db/case-search.ts';
import { findCase } from '../../db/cases.ts';
import {
  deleteArchiveRow,
  findArchiveRow,
  findArchiveRowByName,
  insertArchiveRow,
  listArchiveRows,
  localStudyId,
  storedCountsBySeries,
  storedCountsByStudy,
  storedSopInstanceUids,
  updateArchiveRow,
} from '../../db/pacs-archives.ts';
import type { ArchiveRow } from '../../db/pacs-archives.ts';
import type {
  ArchiveConnection,
  ArchivePatient,
  ArchiveStudy,
  ArchiveSummary,
  ConnectionTest,
  RetrieveInput,
  SaveArchiveInput,
} from '../../shared/contract/pacs-schemas.ts';
import { archiveConnectionSchema } from '../../shared/contract/pacs-schemas.ts';
import { AppError } from '../../shared/contract/result.ts';
import type { Archive } from '../services/pacs/archive.ts';
import { openArchive } from '../services/pacs/open-archive.ts';
import type { BatchImporter } from '../services/pacs/retrieve-job.ts';
import { sendCase } from '../services/pacs/send/send-case.ts';
import type { BackendContext } from './context.ts';
import { requireOwnImaging } from './second-opinion-lock.ts';
import { requireUser } from './context.ts';
import type { HandlerMap } from './handler.ts';

/** More answers than anyone reads; the note asks to narrow the search. */
const SEARCH_LIMIT = 200;

function summary(ctx: BackendContext, row: ArchiveRow): ArchiveSummary {
  return {
    id: row.id,
    name: row.name,
    connection: archiveConnectionSchema.parse(JSON.parse(row.connection)),
    hasSecret: ctx.pacs.secrets.get(row.id) !== null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function requireArchive(ctx: BackendContext, id: number): ArchiveSummary {
  const row = findArchiveRow(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND', `Archive ${id} does not exist.`);
  return summary(ctx, row);
}

function archiveFor(ctx: BackendContext, id: number): Archive {
  const a = requireArchive(ctx, id);
  return openArchive(a.connection, ctx.pacs.secrets.get(id), ctx.pacs.stagingRoot);
}

async function using<T>(archive: Archive, fn: (a: Archive) => Promise<T>): Promise<T> {
  try {
    return await fn(archive);
  } finally {
    await archive.close().catch(() => undefined);
  }
}

/** Where an archive is, for the audit trail (configuration, never patient data). */
const endpoint = (c: ArchiveConnection): string =>
  c.kind === 'dicomweb' ? new URL(c.url).host : `${c.aet}@${c.host}:${c.port}`;

function saveArchive(ctx: BackendContext, input: SaveArchiveInput): ArchiveSummary {
  const user = requireUser(ctx);
  const clash = findArchiveRowByName(ctx.db, input.name);
  if (clash && clash.id !== input.id)
    throw new AppError('CONFLICT', `An archive named "${input.name}" already exists.`);
  if (input.id !== undefined) requireArchive(ctx, input.id);
  const at = ctx.now();
  const connection = JSON.stringify(input.connection);
  const id = ctx.db
    .transaction(() => {
      const archiveId =
        input.id ?? insertArchiveRow(ctx.db, { name: input.name, connection, userId: user.id, at });
      if (input.id !== undefined) updateArchiveRow(ctx.db, input.id, { name: input.name, connection, at });
      writeAudit(ctx.db, {
        at,
        userId: user.id,
        action: input.id === undefined ? 'pacs.addArchive' : 'pacs.changeArchive',
        caseId: null,
        detail: {
          archiveId,
          name: input.name,
          kind: input.connection.kind,
          endpoint: endpoint(input.connection),
          ...(input.secret !== undefined ? { secretChanged: true } : {}),
        },
      });
      return archiveId;
    })
    .immediate();
  const noSecret = input.connection.kind === 'dimse' || input.connection.auth === 'none';
  if (noSecret) ctx.pacs.secrets.set(id, null);
  else if (input.secret !== undefined) ctx.pacs.secrets.set(id, input.secret);
  return requireArchive(ctx, id);
}

async function testConnection(
  ctx: BackendContext,
  input: { archiveId: number } | SaveArchiveInput,
): Promise<ConnectionTest> {
  const started = performance.now();
  let archive: Archive;
  if ('archiveId' in input) archive = archiveFor(ctx, input.archiveId);
  else {
    const secret = input.secret ?? (input.id !== undefined ? ctx.pacs.secrets.get(input.id) : null);
    archive = openArchive(input.connection, secret, ctx.pacs.stagingRoot);
  }
  try {
    const message = await using(archive, (a) => a.test());
    return { ok: true, message, milliseconds: Math.round(performance.now() - started) };
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return { ok: false, message: e.message, milliseconds: Math.round(performance.now() - started) };
  }
}

function byPatient(studies: ArchiveStudy[]): ArchivePatient[] {
  const patients = new Map<string, ArchivePatient>();
  for (const s of studies) {
    const key = `${s.patientId}\u0000${s.patientName}`;
    const p = patients.get(key) ?? {
      patientId: s.patientId,
      patientName: s.patientName,
      birthDate: s.birthDate,
      studies: [],
    };
    p.studies.push(s);
    patients.set(key, p);
  }
  for (const p of patients.values())
    p.studies.sort((a, b) => (b.studyDate ?? '').localeCompare(a.studyDate ?? ''));
  return [...patients.values()];
}

function requireOpenCase(ctx: BackendContext, caseId: number): void {
  const c = findCase(ctx.db, caseId);
  if (!c) throw new AppError('NOT_FOUND', `Case ${caseId} does not exist.`);
  if (c.status === 'archived')
    throw new AppError('READ_ONLY', 'This case is archived. Restore it to change its imaging.');
}

function startRetrieve(ctx: BackendContext, input: RetrieveInput): { retrieveId: number } {
  const user = requireUser(ctx);
  if (input.caseId !== undefined) {
    requireOpenCase(ctx, input.caseId);
    requireOwnImaging(ctx.db, input.caseId);
  }
  const archive = archiveFor(ctx, input.archiveId);
  const caseId = input.caseId ?? null;
  const importer: BatchImporter = {
    start: (dir, cleanup) =>
      ctx.imports.start({
        paths: [dir],
        userId: user.id,
        caseId,
        cleanup,
        pathLabel: (p) => `retrieved image ${basename(p)}`,
      }),
    wait: async (importId) => {
      await ctx.imports.wait(importId);
      return ctx.imports.status(importId)!;
    },
    cancel: (importId) => void ctx.imports.cancel(importId),
  };
  const retrieveId = ctx.pacs.startRetrieve(
    archive,
    { importer, storedUids: (uids) => storedSopInstanceUids(ctx.db, uids) },
    { studyUid: input.studyUid, seriesUids: input.seriesUids ?? null },
    (final) =>
      ctx.db
        .transaction(() => {
          const at = ctx.now();
          const studyId = localStudyId(ctx.db, input.studyUid);
          if (caseId !== null && studyId !== null && linkStudy(ctx.db, caseId, studyId, user.id, at))
            refreshCaseSearch(ctx.db, caseId);
          writeAudit(ctx.db, {
            at,
            userId: user.id,
            action: 'pacs.retrieve',
            caseId,
            detail: {
              archiveId: input.archiveId,
              retrieveId: final.retrieveId,
              state: final.state,
              imported: final.imported,
              alreadyStored: final.alreadyStored,
              failed: final.failed.length,
            },
          });
        })
        .immediate(),
  );
  return { retrieveId };
}

export const pacsHandlers = {
  'pacs.archives': (ctx) => listArchiveRows(ctx.db).map((r) => summary(ctx, r)),
  'pacs.saveArchive': (ctx, input) => saveArchive(ctx, input),
  'pacs.deleteArchive': (ctx, input) => {
    const user = requireUser(ctx);
    const a = requireArchive(ctx, input.archiveId);
    ctx.db
      .transaction(() => {
        deleteArchiveRow(ctx.db, a.id);
        writeAudit(ctx.db, {
          at: ctx.now(),
          userId: user.id,
          action: 'pacs.deleteArchive',
          caseId: null,
          detail: { archiveId: a.id, name: a.name },
        });
      })
      .immediate();
    ctx.pacs.secrets.set(a.id, null);
    return listArchiveRows(ctx.db).map((r) => summary(ctx, r));
  },
  'pacs.test': (ctx, input) => testConnection(ctx, input),
  'pacs.search': (ctx, input) =>
    using(archiveFor(ctx, input.archiveId), async (archive) => {
      const studies = await ctx.pacs.cancellable(input.searchId, (signal) =>
        archive.searchStudies(input.query, SEARCH_LIMIT, signal),
      );
      const stored = storedCountsByStudy(
        ctx.db,
        studies.map((s) => s.studyUid),
      );
      for (const s of studies) s.storedInstances = stored.get(s.studyUid) ?? 0;
      return {
        patients: byPatient(studies),
        note: !studies.length
          ? 'No studies match this search.'
          : studies.length >= SEARCH_LIMIT
            ? `Showing the first ${SEARCH_LIMIT} studies; narrow the search to see the rest.`
            : null,
      };
    }),
  'pacs.cancelSearch': (ctx, input) => ctx.pacs.cancelSearch(input.searchId),
  'pacs.series': (ctx, input) =>
    using(archiveFor(ctx, input.archiveId), async (archive) => {
      const series = await archive.seriesOf(input.studyUid);
      const stored = storedCountsBySeries(
        ctx.db,
        series.map((s) => s.seriesUid),
      );
      return series
        .map((s) => ({ ...s, storedInstances: stored.get(s.seriesUid) ?? 0 }))
        .sort((a, b) => (a.number ?? 0) - (b.number ?? 0));
    }),
  'pacs.retrieve': (ctx, input) => startRetrieve(ctx, input),
  'pacs.retrieveStatus': (ctx, input) => {
    const p = ctx.pacs.status(input.retrieveId);
    if (!p) throw new AppError('NOT_FOUND', `Retrieve ${input.retrieveId} is not known in this session.`);
    return p;
  },
  'pacs.cancelRetrieve': (ctx, input) => ctx.pacs.cancel(input.retrieveId),
  'pacs.send': async (ctx, input) => {
    const user = requireUser(ctx);
    requireOpenCase(ctx, input.caseId);
    const result = await using(archiveFor(ctx, input.archiveId), (archive) =>
      sendCase(ctx, archive, input, ctx.sendSources),
    );
    ctx.db
      .transaction(() =>
        writeAudit(ctx.db, {
          at: ctx.now(),
          userId: user.id,
          action: 'pacs.send',
          caseId: input.caseId,
          detail: {
            archiveId: input.archiveId,
            what: input.what,
            sent: result.sent.length,
            failed: result.failed.length,
          },
        }),
      )
      .immediate();
    return result;
  },
} satisfies Partial<HandlerMap>;
