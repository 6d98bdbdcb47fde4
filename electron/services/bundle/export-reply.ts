import { writeAudit } from '../../../db/audit.ts';
import { instanceUids, seriesUid } from '../../../db/case-instances.ts';
import { findRequest, markReplied } from '../../../db/second-opinion-requests.ts';
import { keyImagePng, listKeyImages } from '../../../db/key-images.ts';
import { AppError } from '../../../shared/contract/result.ts';
import type { ReplyDocument } from '../../../shared/second-opinion/bundle-documents.ts';
import { replyOpinionSchema } from '../../../shared/second-opinion/opinion.ts';
import type { BackendContext } from '../../backend/context.ts';
import { caseMeasurements } from './case-measurements.ts';
import type { WrittenBundle } from './write-bundle-file.ts';
import { writeBundleFile } from './write-bundle-file.ts';

const PNG_PREFIX = 'data:image/png;base64,';

export interface ExportedReply extends WrittenBundle {
  pseudonym: string;
}

/**
 * The reviewer's reply bundle: only their own work (opinion, key images, measurements), referring
 * to images by the bundle's UIDs, which the sender maps back.
 */
export async function exportReply(
  ctx: BackendContext,
  caseId: number,
  userId: number,
  target: { outPath?: string; password?: string },
): Promise<ExportedReply> {
  const request = findRequest(ctx.db, caseId);
  if (!request)
    throw new AppError('NOT_FOUND', `Case ${caseId} did not come in a bundle, so there is no reply to send.`);
  const opinion = replyOpinionSchema.safeParse(request.opinion ? JSON.parse(request.opinion) : {});
  if (!opinion.success)
    throw new AppError(
      'INVALID_INPUT',
      `Complete your opinion before sending it: ${opinion.error.issues.map((i) => i.message).join(' ')}`,
    );
  const at = ctx.now();
  const doc: ReplyDocument = {
    kind: 'reply',
    pseudonym: request.pseudonym,
    repliedAt: at,
    opinion: opinion.data,
    keyImages: listKeyImages(ctx.db, caseId).map((k) => {
      const ref = k.instanceId === null ? null : instanceUids(ctx.db, k.instanceId);
      const png = keyImagePng(ctx.db, k.id);
      return {
        sopInstanceUid: ref?.sop ?? null,
        seriesInstanceUid: ref?.series ?? seriesUid(ctx.db, k.seriesId) ?? '',
        frame: k.frame,
        caption: k.caption,
        view: { ...k.view, instanceId: null },
        png: png ? `${PNG_PREFIX}${png.toString('base64')}` : null,
        author: k.createdBy,
      };
    }),
    measurements: caseMeasurements(ctx.db, caseId).flatMap((m) => {
      const ref = instanceUids(ctx.db, m.instanceId);
      return ref ? [{ ...m, sopInstanceUid: ref.sop }] : [];
    }),
  };
  const written = await writeBundleFile(
    [{ path: 'reply.json', bytes: Buffer.from(JSON.stringify(doc, null, 2)) }],
    { kind: 'reply', pseudonym: request.pseudonym, createdAt: at },
    { dataDir: ctx.info.dataDir, ...(target.outPath ? { outPath: target.outPath } : {}) },
    target.password,
  );
  ctx.db
    .transaction(() => {
      markReplied(ctx.db, caseId, at);
      writeAudit(ctx.db, {
        at,
        userId,
        action: 'secondOpinion.exportReply',
        caseId,
        detail: {
          pseudonym: request.pseudonym,
          keyImages: doc.keyImages.length,
          measurements: doc.measurements.length,
        },
      });
    })
    .immediate();
  return { ...written, pseudonym: request.pseudonym };
}
