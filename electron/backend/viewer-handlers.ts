import { writeAudit } from '../../db/audit.ts';
import { findCase } from '../../db/cases.ts';
import {
  deleteKeyImageRow,
  findKeyImage,
  insertKeyImage,
  keyImagePng,
  listKeyImages,
  reorderKeyImages,
  updateKeyImageRow,
} from '../../db/key-images.ts';
import { caseHasSeries, caseViewerSeries, seriesGeometry, seriesOfInstance } from '../../db/series.ts';
import { deleteLayout, listLayouts, setDefaultLayout, upsertLayout } from '../../db/viewer-layouts.ts';
import { AppError } from '../../shared/contract/result.ts';
import type { CaseRecord } from '../../shared/domain/case.ts';
import type { BackendContext } from './context.ts';
import { currentUser, requireUser } from './context.ts';
import type { HandlerMap } from './handler.ts';

function requireCase(ctx: BackendContext, id: number): CaseRecord {
  const c = findCase(ctx.db, id);
  if (!c) throw new AppError('NOT_FOUND', `Case ${id} does not exist.`);
  return c;
}

function requireWritableCase(ctx: BackendContext, id: number): CaseRecord {
  const c = requireCase(ctx, id);
  if (c.status === 'archived')
    throw new AppError('READ_ONLY', 'This case is archived. Restore it to change its key images.');
  return c;
}

const PNG_PREFIX = 'data:image/png;base64,';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngBytes(dataUrl: string | undefined): Buffer | undefined {
  if (dataUrl === undefined) return undefined;
  const bytes = Buffer.from(dataUrl.slice(PNG_PREFIX.length), 'base64');
  if (!bytes.subarray(0, 8).equals(PNG_SIGNATURE))
    throw new AppError('INVALID_INPUT', 'png: The key image picture is not a PNG file.');
  return bytes;
}

function keyImageOrThrow(ctx: BackendContext, id: number) {
  const k = findKeyImage(ctx.db, id);
  if (!k) throw new AppError('NOT_FOUND', `Key image ${id} does not exist.`);
  return k;
}

export const viewerHandlers = {
  'viewer.caseSeries': (ctx, input) => {
    const c = requireCase(ctx, input.id);
    return {
      caseId: c.id,
      title: c.title,
      archived: c.status === 'archived',
      patient: c.patient
        ? { name: c.patient.name, mrn: c.patient.mrn, birthDate: c.patient.birthDate, sex: c.patient.sex }
        : null,
      series: caseViewerSeries(ctx.db, c.id),
    };
  },
  'viewer.seriesInstances': (ctx, input) => {
    const g = seriesGeometry(ctx.db, input.seriesId);
    if (!g) throw new AppError('NOT_FOUND', `Series ${input.seriesId} does not exist.`);
    return g;
  },
  'viewer.layouts': (ctx) => {
    const user = currentUser(ctx);
    return user ? listLayouts(ctx.db, user.id) : [];
  },
  'viewer.saveLayout': (ctx, input) => {
    const user = requireUser(ctx);
    return ctx.db
      .transaction(() => {
        const at = ctx.now();
        const protocol = { ...input.protocol, name: input.name };
        const id = upsertLayout(ctx.db, user.id, input.name, protocol, at);
        if (input.makeDefault) setDefaultLayout(ctx.db, user.id, id);
        writeAudit(ctx.db, {
          at,
          userId: user.id,
          action: 'viewer.saveLayout',
          caseId: null,
          detail: { layoutId: id, name: input.name, makeDefault: input.makeDefault },
        });
        return listLayouts(ctx.db, user.id).find((l) => l.id === id)!;
      })
      .immediate();
  },
  'viewer.setDefaultLayout': (ctx, input) => {
    const user = requireUser(ctx);
    return ctx.db
      .transaction(() => {
        if (!setDefaultLayout(ctx.db, user.id, input.id))
          throw new AppError('NOT_FOUND', `Layout ${input.id} is not one of your layouts.`);
        return listLayouts(ctx.db, user.id);
      })
      .immediate();
  },
  'viewer.deleteLayout': (ctx, input) => {
    const user = requireUser(ctx);
    return ctx.db
      .transaction(() => {
        if (!deleteLayout(ctx.db, user.id, input.id))
          throw new AppError('NOT_FOUND', `Layout ${input.id} is not one of your layouts.`);
        writeAudit(ctx.db, {
          at: ctx.now(),
          userId: user.id,
          action: 'viewer.deleteLayout',
          caseId: null,
          detail: { layoutId: input.id },
        });
        return listLayouts(ctx.db, user.id);
      })
      .immediate();
  },
  'viewer.keyImages': (ctx, input) => {
    requireCase(ctx, input.caseId);
    return listKeyImages(ctx.db, input.caseId);
  },
  'viewer.createKeyImage': (ctx, input) => {
    const user = requireUser(ctx);
    const png = pngBytes(input.png);
    return ctx.db
      .transaction(() => {
        requireWritableCase(ctx, input.caseId);
        if (!caseHasSeries(ctx.db, input.caseId, input.seriesId))
          throw new AppError('NOT_FOUND', `Series ${input.seriesId} is not in this case's imaging.`);
        const { instanceId } = input.view;
        if (instanceId !== null && seriesOfInstance(ctx.db, instanceId) !== input.seriesId)
          throw new AppError(
            'INVALID_INPUT',
            `view.instanceId: Image ${instanceId} is not in series ${input.seriesId}.`,
          );
        const at = ctx.now();
        const id = insertKeyImage(ctx.db, {
          caseId: input.caseId,
          seriesId: input.seriesId,
          instanceId,
          frame: input.view.frame,
          view: input.view,
          caption: input.caption,
          png: png ?? null,
          userId: user.id,
          at,
        });
        writeAudit(ctx.db, {
          at,
          userId: user.id,
          action: 'viewer.createKeyImage',
          caseId: input.caseId,
          detail: { keyImageId: id, seriesId: input.seriesId, instanceId, frame: input.view.frame },
        });
        return findKeyImage(ctx.db, id)!;
      })
      .immediate();
  },
  'viewer.updateKeyImage': (ctx, input) => {
    const user = requireUser(ctx);
    const png = pngBytes(input.png);
    return ctx.db
      .transaction(() => {
        const k = keyImageOrThrow(ctx, input.id);
        requireWritableCase(ctx, k.caseId);
        const at = ctx.now();
        updateKeyImageRow(
          ctx.db,
          k.id,
          { ...(input.caption !== undefined ? { caption: input.caption } : {}), ...(png ? { png } : {}) },
          at,
        );
        writeAudit(ctx.db, {
          at,
          userId: user.id,
          action: 'viewer.updateKeyImage',
          caseId: k.caseId,
          detail: { keyImageId: k.id, caption: input.caption !== undefined, png: png !== undefined },
        });
        return findKeyImage(ctx.db, k.id)!;
      })
      .immediate();
  },
  'viewer.reorderKeyImages': (ctx, input) => {
    const user = requireUser(ctx);
    return ctx.db
      .transaction(() => {
        requireWritableCase(ctx, input.caseId);
        if (!reorderKeyImages(ctx.db, input.caseId, input.ids))
          throw new AppError('CONFLICT', 'The key images changed meanwhile; reload and try again.');
        writeAudit(ctx.db, {
          at: ctx.now(),
          userId: user.id,
          action: 'viewer.reorderKeyImages',
          caseId: input.caseId,
          detail: { order: input.ids },
        });
        return listKeyImages(ctx.db, input.caseId);
      })
      .immediate();
  },
  'viewer.deleteKeyImage': (ctx, input) => {
    const user = requireUser(ctx);
    return ctx.db
      .transaction(() => {
        const k = keyImageOrThrow(ctx, input.id);
        requireWritableCase(ctx, k.caseId);
        deleteKeyImageRow(ctx.db, k.id);
        writeAudit(ctx.db, {
          at: ctx.now(),
          userId: user.id,
          action: 'viewer.deleteKeyImage',
          caseId: k.caseId,
          detail: { keyImageId: k.id, seriesId: k.seriesId, caption: k.caption },
        });
        return listKeyImages(ctx.db, k.caseId);
      })
      .immediate();
  },
  'viewer.keyImagePng': (ctx, input) => {
    keyImageOrThrow(ctx, input.id);
    const png = keyImagePng(ctx.db, input.id);
    return { dataUrl: png ? `${PNG_PREFIX}${png.toString('base64')}` : null };
  },
} satisfies Partial<HandlerMap>;
