import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { bundleExportsOfCase } from '../../db/bundle-exports.ts';
import { caseInstanceFiles } from '../../db/case-instances.ts';
import { findCase } from '../../db/cases.ts';
import { repliesOfCase } from '../../db/second-opinion-replies.ts';
import { findRequest, saveOpinion } from '../../db/second-opinion-requests.ts';
import { writeAudit } from '../../db/audit.ts';
import type { SecondOpinionState, WrittenBundleInfo } from '../../shared/contract/second-opinion-schemas.ts';
import { AppError } from '../../shared/contract/result.ts';
import type { CaseRecord } from '../../shared/domain/case.ts';
import type { CaseDocument, ReplyDocument } from '../../shared/second-opinion/bundle-documents.ts';
import type { OpinionDraft } from '../../shared/second-opinion/opinion.ts';
import { burnedInImages, caseFreeTexts } from '../services/bundle/case-content.ts';
import { exportCaseBundle } from '../services/bundle/export-case-bundle.ts';
import { exportReply } from '../services/bundle/export-reply.ts';
import { importBundle } from '../services/bundle/import-bundle.ts';
import type { WrittenBundle } from '../services/bundle/write-bundle-file.ts';
import { readablePaths, writablePath } from './caller-files.ts';
import type { BackendContext } from './context.ts';
import { requireUser } from './context.ts';
import type { HandlerMap } from './handler.ts';

/** Only the CLI names the bundle file to write; a window downloads it (caller-files.ts). */
const outPathFor = (ctx: BackendContext, outPath: string | undefined): { outPath?: string } =>
  writablePath(ctx, outPath, 'Export refused: save the bundle from the download instead.');

/** The bundle file to read: an upload, a handle the desktop app issued, or (CLI only) a path. */
async function bundleSource(
  ctx: BackendContext,
  input: { uploadId?: string | undefined; path?: string | undefined },
): Promise<string> {
  if (input.uploadId) return uploadedFile(ctx, input.uploadId);
  return readablePaths(ctx, [input.path!], 'Import refused: in the browser, upload the bundle file.')[0]!;
}

function requireCase(ctx: BackendContext, id: number): CaseRecord {
  const c = findCase(ctx.db, id);
  if (!c) throw new AppError('NOT_FOUND', `Case ${id} does not exist.`);
  return c;
}

function state(ctx: BackendContext, caseId: number): SecondOpinionState {
  requireCase(ctx, caseId);
  const request = findRequest(ctx.db, caseId);
  return {
    caseId,
    role: request ? 'reviewer' : 'sender',
    request: request && {
      pseudonym: request.pseudonym,
      receivedAt: request.receivedAt,
      receivedBy: request.receivedBy,
      sender: JSON.parse(request.sender) as Omit<CaseDocument, 'instances'>,
      opinion: request.opinion ? (JSON.parse(request.opinion) as OpinionDraft) : null,
      opinionUpdatedAt: request.opinionUpdatedAt,
      repliedAt: request.repliedAt,
    },
    sent: bundleExportsOfCase(ctx.db, caseId).map((b) => ({
      pseudonym: b.pseudonym,
      createdAt: b.createdAt,
      createdBy: b.createdBy,
      instanceCount: b.instanceCount,
      encrypted: b.encrypted,
      dates: (JSON.parse(b.options) as { modifiedDates?: boolean }).modifiedDates ? 'shifted' : 'removed',
    })),
    replies: repliesOfCase(ctx.db, caseId).map((r) => ({
      id: r.id,
      pseudonym: r.pseudonym,
      receivedAt: r.receivedAt,
      receivedBy: r.receivedBy,
      reply: JSON.parse(r.reply) as ReplyDocument,
    })),
  };
}

const fileInfo = (pseudonym: string, kind: 'case' | 'reply', w: WrittenBundle): WrittenBundleInfo => ({
  pseudonym,
  fileName: w.downloadId ? `${pseudonym}${kind === 'reply' ? '-reply' : ''}.scrcase` : basename(w.path),
  bytes: w.bytes,
  downloadUrl: w.downloadId ? `bundles/${w.downloadId}.scrcase` : null,
  path: w.downloadId ? null : w.path,
});

/** The one file of a browser upload (the bundle picked in the page). */
async function uploadedFile(ctx: BackendContext, uploadId: string): Promise<string> {
  const dir = ctx.uploads.dirOf(uploadId);
  if (!dir) throw new AppError('NOT_FOUND', 'That upload is unknown or already imported.');
  const names = await readdir(dir, { recursive: true });
  const files: string[] = [];
  for (const n of names) if ((await stat(join(dir, n))).isFile()) files.push(join(dir, n));
  if (files.length !== 1) throw new AppError('INVALID_INPUT', 'Pick exactly one .scrcase bundle file.');
  return files[0]!;
}

/** Bundle files are read whole; a case bundle of a few thousand images stays well under this. */
const MAX_BUNDLE_BYTES = 4 * 1024 ** 3;

export const secondOpinionHandlers = {
  'secondOpinion.state': (ctx, input) => state(ctx, input.caseId),
  'secondOpinion.preview': async (ctx, input) => {
    const c = requireCase(ctx, input.caseId);
    return {
      caseId: c.id,
      instanceCount: caseInstanceFiles(ctx.db, c.id).length,
      freeTexts: caseFreeTexts(ctx.db, c),
      burnedIn: await burnedInImages(ctx.db, ctx.store, c.id),
    };
  },
  'secondOpinion.exportBundle': async (ctx, input) => {
    const user = requireUser(ctx);
    const c = requireCase(ctx, input.caseId);
    if (findRequest(ctx.db, c.id))
      throw new AppError(
        'INVALID_INPUT',
        'This case came in a bundle for your opinion; send a reply bundle instead.',
      );
    const done = await exportCaseBundle(ctx, {
      caseId: c.id,
      userId: user.id,
      keepDates: input.keepDates,
      cleanDescriptors: input.cleanDescriptors,
      confirmBurnedIn: input.confirmBurnedIn,
      reviewed: input.reviewed,
      ...(input.password ? { password: input.password } : {}),
      ...outPathFor(ctx, input.outPath),
    });
    return {
      ...fileInfo(done.pseudonym, 'case', done),
      instanceCount: done.instanceCount,
      burnedInCount: done.burnedInCount,
    };
  },
  'secondOpinion.saveOpinion': (ctx, input) => {
    const user = requireUser(ctx);
    ctx.db
      .transaction(() => {
        const request = findRequest(ctx.db, input.caseId);
        if (!request)
          throw new AppError('NOT_FOUND', `Case ${input.caseId} did not come in a bundle for your opinion.`);
        const at = ctx.now();
        saveOpinion(ctx.db, input.caseId, JSON.stringify(input.opinion), at);
        writeAudit(ctx.db, {
          at,
          userId: user.id,
          action: 'secondOpinion.saveOpinion',
          caseId: input.caseId,
          detail: { recommendation: input.opinion.recommendation, agreement: input.opinion.agreement },
        });
      })
      .immediate();
    return state(ctx, input.caseId);
  },
  'secondOpinion.exportReply': async (ctx, input) => {
    const user = requireUser(ctx);
    const done = await exportReply(ctx, input.caseId, user.id, {
      ...(input.password ? { password: input.password } : {}),
      ...outPathFor(ctx, input.outPath),
    });
    return fileInfo(done.pseudonym, 'reply', done);
  },
  'secondOpinion.importBundle': async (ctx, input) => {
    const user = requireUser(ctx);
    const path = await bundleSource(ctx, input);
    let bytes: Buffer;
    try {
      if ((await stat(path)).size > MAX_BUNDLE_BYTES)
        throw new AppError('INVALID_INPUT', 'This file is too large to be a case bundle.');
      bytes = await readFile(path);
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw new AppError('NOT_FOUND', 'The bundle file cannot be read (missing, or no permission).');
    } finally {
      if (input.uploadId) await ctx.uploads.remove(input.uploadId);
    }
    return importBundle(ctx, bytes, input.password, user.id);
  },
} satisfies Partial<HandlerMap>;
