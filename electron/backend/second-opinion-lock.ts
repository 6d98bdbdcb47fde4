import type { Database } from 'better-sqlite3';
import { findRequest } from '../../db/second-opinion-requests.ts';
import { AppError } from '../../shared/contract/result.ts';
import { sectionOfField } from '../../shared/evaluation/schema.ts';
import type { Measurement } from '../../shared/measurements/measurement.ts';

/**
 * What a second opinion keeps as it arrived, checked here and only here by every handler that
 * writes. On the reviewer's copy of a case: the sender's imaging (studies linked at import, no
 * images added), the case's identity (title, question, pseudonymous patient) and the sender's
 * evaluation, every section but the second-opinion one. On either side: measurements of the other
 * side (the sender's, or a reviewer's merged back). Refusals are READ_ONLY with the reason.
 */

/** The one evaluation section a reviewer may fill on a case received for a second opinion. */
export const REVIEWER_SECTIONS: readonly string[] = ['secondOpinion'];

export const isReviewCase = (db: Database, caseId: number): boolean => findRequest(db, caseId) !== null;

/** A measurement can be changed or deleted only where it was drawn. */
export function requireOwnMeasurement(m: Pick<Measurement, 'origin' | 'createdBy'>): void {
  if (m.origin === 'sender')
    throw new AppError(
      'READ_ONLY',
      `This measurement is the sending team's (${m.createdBy}); it came with the case and cannot be changed. Draw your own instead.`,
    );
  if (m.origin === 'secondOpinion')
    throw new AppError(
      'READ_ONLY',
      `This measurement is the second opinion of ${m.createdBy}; it came back in their reply and cannot be changed.`,
    );
}

/** Studies are neither linked to nor unlinked from, nor images imported into, a review case. */
export function requireOwnImaging(db: Database, caseId: number): void {
  if (isReviewCase(db, caseId))
    throw new AppError(
      'READ_ONLY',
      "This case came in a bundle for your opinion: its imaging is the sender's and cannot be changed. Your key images and measurements go back in the reply.",
    );
}

/** A review case keeps the title, question and pseudonymous patient it arrived with. */
export function requireIdentityUnchanged(
  db: Database,
  caseId: number,
  changes: { title?: unknown; clinicalQuestion?: unknown; patient?: unknown },
): void {
  const touched = (['title', 'clinicalQuestion', 'patient'] as const).filter((k) => changes[k] !== undefined);
  if (touched.length && isReviewCase(db, caseId))
    throw new AppError(
      'READ_ONLY',
      `This case came in a bundle for your opinion: its ${touched.join(', ')} stay as the sender sent them.`,
    );
}

/** The sections that can be edited, or null when the whole evaluation can (case status permitting). */
export const editableSections = (db: Database, caseId: number): readonly string[] | null =>
  isReviewCase(db, caseId) ? REVIEWER_SECTIONS : null;

/** Refuses a save that changes any field outside the sections a reviewer may fill. */
export function requireEditableFields(
  db: Database,
  caseId: number,
  changedFieldIds: readonly string[],
): void {
  const sections = editableSections(db, caseId);
  if (!sections) return;
  const locked = changedFieldIds.filter((id) => !sections.includes(sectionOfField(id)?.id ?? ''));
  if (locked.length)
    throw new AppError(
      'READ_ONLY',
      `This case came in a bundle for your opinion: the sender's evaluation is read-only; only the second-opinion section can be filled. Not saved: ${locked.slice(0, 5).join(', ')}${locked.length > 5 ? ', …' : ''}.`,
    );
}
