import { writeAudit } from '../../../db/audit.ts';
import { bundleExportByPseudonym, originalUid } from '../../../db/bundle-exports.ts';
import { insertReply } from '../../../db/second-opinion-replies.ts';
import { AppError } from '../../../shared/contract/result.ts';
import { replyDocumentSchema } from '../../../shared/second-opinion/bundle-documents.ts';
import type { ReplyDocument } from '../../../shared/second-opinion/bundle-documents.ts';
import type { BackendContext } from '../../backend/context.ts';
import { bundleError } from './bundle-error.ts';
import type { OpenedBundle } from './read-bundle.ts';
import { bundleDocument } from './read-bundle.ts';
import type { RecreatedMeasurements } from './recreate-measurements.ts';
import { recreateMeasurements } from './recreate-measurements.ts';

export interface MergedReply {
  kind: 'reply';
  caseId: number;
  pseudonym: string;
  /** False when this very reply was merged before (nothing changed). */
  merged: boolean;
  /** The reviewer's measurements, drawn on the original images as their second opinion. */
  measurements: RecreatedMeasurements;
}

/** How the reviewer's measurements are signed on the sender's side. */
export const reviewerLabel = (doc: ReplyDocument): string =>
  `${doc.opinion.reviewer.name} (${doc.opinion.reviewer.credentials})`;

/**
 * Sender side: a reply attaches to the case the bundle came from (found by its pseudonymous ID),
 * beside everything already there. Its references are mapped back to the original UIDs, which only
 * this installation knows; the reviewer's measurements are drawn on the original images. The same
 * reply twice changes nothing.
 */
export async function mergeReply(
  ctx: BackendContext,
  bundle: OpenedBundle,
  userId: number,
): Promise<MergedReply> {
  const { doc, sha256 } = bundleDocument(bundle, 'reply.json', replyDocumentSchema);
  if (doc.pseudonym !== bundle.manifest.pseudonym)
    throw bundleError('The bundle contradicts its own manifest.');
  const sent = bundleExportByPseudonym(ctx.db, doc.pseudonym);
  if (!sent)
    throw new AppError(
      'NOT_FOUND',
      `This reply is for case ${doc.pseudonym}, which was not sent from this installation. Nothing was imported.`,
    );
  const back = (uid: string): string => originalUid(ctx.db, sent.id, uid) ?? uid;
  const mapped: ReplyDocument = {
    ...doc,
    keyImages: doc.keyImages.map((k) => ({
      ...k,
      sopInstanceUid: k.sopInstanceUid === null ? null : back(k.sopInstanceUid),
      seriesInstanceUid: back(k.seriesInstanceUid),
    })),
    measurements: doc.measurements.map((m) => ({ ...m, sopInstanceUid: back(m.sopInstanceUid) })),
  };
  const result = ctx.db
    .transaction((): Omit<MergedReply, 'measurements'> => {
      const at = ctx.now();
      const merged = insertReply(ctx.db, {
        caseId: sent.caseId,
        exportId: sent.id,
        sha256,
        reply: JSON.stringify(mapped),
        userId,
        at,
      });
      if (merged)
        writeAudit(ctx.db, {
          at,
          userId,
          action: 'secondOpinion.replyMerged',
          caseId: sent.caseId,
          detail: {
            pseudonym: doc.pseudonym,
            recommendation: doc.opinion.recommendation,
            agreement: doc.opinion.agreement,
            keyImages: doc.keyImages.length,
            measurements: doc.measurements.length,
          },
        });
      return { kind: 'reply', caseId: sent.caseId, pseudonym: doc.pseudonym, merged };
    })
    .immediate();
  const measurements = await recreateMeasurements(ctx, sent.caseId, userId, mapped.measurements, {
    origin: 'secondOpinion',
    authorLabel: reviewerLabel(doc),
    source: `reply:${doc.pseudonym}`,
  });
  return { ...result, measurements };
}
