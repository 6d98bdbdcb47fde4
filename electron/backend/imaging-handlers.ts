import { writeAudit } from '../../db/audit.ts';
import {
  caseStudyTree,
  libraryStudyTree,
  linkStudy,
  studyExists,
  suggestedStudyIds,
  unlinkStudy,
} from '../../db/case-studies.ts';
import { refreshCaseSearch } from '../../db/case-search.ts';
import { findCase } from '../../db/cases.ts';
import type { CaseStudies } from '../../shared/contract/methods.ts';
import { AppError } from '../../shared/contract/result.ts';
import { readablePaths } from './caller-files.ts';
import type { BackendContext } from './context.ts';
import { requireUser } from './context.ts';
import type { HandlerMap } from './handler.ts';
import { requireOwnImaging } from './second-opinion-lock.ts';

function requireCase(ctx: BackendContext, id: number) {
  const found = findCase(ctx.db, id);
  if (!found) throw new AppError('NOT_FOUND', `Case ${id} does not exist.`);
  return found;
}

function caseStudies(ctx: BackendContext, caseId: number): CaseStudies {
  const suggested = new Set(suggestedStudyIds(ctx.db, caseId));
  const mrn = requireCase(ctx, caseId).patient?.mrn ?? null;
  return {
    linked: caseStudyTree(ctx.db, caseId),
    suggested:
      mrn === null
        ? []
        : libraryStudyTree(ctx.db, mrn)
            .map((p) => ({ ...p, studies: p.studies.filter((s) => suggested.has(s.studyId)) }))
            .filter((p) => p.studies.length),
  };
}

function changeLink(ctx: BackendContext, caseId: number, studyId: number, link: boolean): CaseStudies {
  const user = requireUser(ctx);
  const c = requireCase(ctx, caseId);
  if (c.status === 'archived')
    throw new AppError('READ_ONLY', 'This case is archived. Restore it to change its imaging.');
  requireOwnImaging(ctx.db, caseId);
  if (!studyExists(ctx.db, studyId)) throw new AppError('NOT_FOUND', `Study ${studyId} does not exist.`);
  ctx.db
    .transaction(() => {
      const at = ctx.now();
      const changed = link
        ? linkStudy(ctx.db, caseId, studyId, user.id, at)
        : unlinkStudy(ctx.db, caseId, studyId);
      if (changed)
        writeAudit(ctx.db, {
          at,
          userId: user.id,
          action: link ? 'case.linkStudy' : 'case.unlinkStudy',
          caseId,
          detail: { studyId },
        });
      refreshCaseSearch(ctx.db, caseId);
    })
    .immediate();
  return caseStudies(ctx, caseId);
}

export const imagingHandlers = {
  'cases.studies': (ctx, input) => caseStudies(ctx, input.id),
  'cases.linkStudy': (ctx, input) => changeLink(ctx, input.caseId, input.studyId, true),
  'cases.unlinkStudy': (ctx, input) => changeLink(ctx, input.caseId, input.studyId, false),
  'studies.library': (ctx, input) => libraryStudyTree(ctx.db, input.mrn ?? null),
  'imports.beginUpload': (ctx) => {
    requireUser(ctx);
    return { uploadId: ctx.uploads.begin() };
  },
  'imports.start': (ctx, input) => {
    const user = requireUser(ctx);
    if (input.caseId !== undefined) {
      requireCase(ctx, input.caseId);
      requireOwnImaging(ctx.db, input.caseId);
    }
    let paths = input.paths
      ? readablePaths(ctx, input.paths, 'Import refused: in the browser, upload the files with Import.')
      : [];
    let cleanup: (() => Promise<void>) | undefined;
    if (input.uploadId) {
      const dir = ctx.uploads.claim(input.uploadId);
      if (!dir) throw new AppError('NOT_FOUND', 'That upload is unknown or already imported.');
      paths = [dir];
      const uploadId = input.uploadId;
      cleanup = () => ctx.uploads.remove(uploadId);
    }
    const importId = ctx.imports.start({
      paths,
      userId: user.id,
      caseId: input.caseId ?? null,
      ...(cleanup ? { cleanup } : {}),
      ...(input.uploadId ? { pathLabel: (p: string) => p.slice(paths[0]!.length + 1) } : {}),
    });
    return { importId };
  },
  'imports.status': (ctx, input) => {
    const progress = ctx.imports.status(input.importId);
    if (!progress) throw new AppError('NOT_FOUND', `Import ${input.importId} is not known in this session.`);
    return progress;
  },
  'imports.cancel': (ctx, input) => ctx.imports.cancel(input.importId),
} satisfies Partial<HandlerMap>;
