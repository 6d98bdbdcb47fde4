import { createHash } from 'node:crypto';
import { writeAudit } from '../../../db/audit.ts';
import { caseInstanceFiles } from '../../../db/case-instances.ts';
import { hasMeasurementSource, insertMeasurement } from '../../../db/measurements.ts';
import { createMeasurementInputSchema } from '../../../shared/contract/measurement-schemas.ts';
import { AppError } from '../../../shared/contract/result.ts';
import type { MeasurementOrigin } from '../../../shared/measurements/measurement.ts';
import type { BundleMeasurement } from '../../../shared/second-opinion/bundle-documents.ts';
import type { BackendContext } from '../../backend/context.ts';
import { measurementValues } from '../measurements/measurement-values.ts';

/** Whose measurements these are, and what names them in this case. */
export interface OtherSide {
  origin: Exclude<MeasurementOrigin, 'own'>;
  /** Shown as the author: "Sending team", or the reviewer's name and credentials. */
  authorLabel: string;
  /** Scopes the source keys: one per bundle case ID and side. */
  source: string;
}

export interface RecreatedMeasurements {
  created: number;
  /** Already in the case from an earlier import of the same bundle or reply. */
  existing: number;
  /** What could not be placed on a stored image, with why (no patient data). */
  skipped: string[];
}

/** A measurement's identity, independent of its author's label and its computed values. */
function contentKey(m: BundleMeasurement): string {
  const { sopInstanceUid, frame, kind, points, label, level, text, knownMm, screw } = m;
  return createHash('sha256')
    .update(JSON.stringify([sopInstanceUid, frame, kind, points, label, level, text, knownMm, screw]))
    .digest('hex')
    .slice(0, 32);
}

/**
 * Draws the other side's measurements on this case's stored images: each bundle measurement is
 * placed on the instance with its SOP Instance UID (already mapped to this installation's UIDs),
 * validated as any new measurement, its values computed from this copy's geometry, and stored as
 * the other side's (read-only here). Calibrations go first, so lengths are sized as they were.
 * Recreating from the same content again adds nothing.
 */
export async function recreateMeasurements(
  ctx: BackendContext,
  caseId: number,
  userId: number,
  measurements: readonly BundleMeasurement[],
  side: OtherSide,
): Promise<RecreatedMeasurements> {
  const instances = new Map(caseInstanceFiles(ctx.db, caseId).map((f) => [f.sopInstanceUid, f.instanceId]));
  const seen = new Map<string, number>();
  const keyed = measurements.map((m) => {
    const key = contentKey(m);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return { m, sourceKey: `${side.source}:${key}:${n}` };
  });
  const ordered = [
    ...keyed.filter((k) => k.m.kind === 'calibration'),
    ...keyed.filter((k) => k.m.kind !== 'calibration'),
  ];
  const out: RecreatedMeasurements = { created: 0, existing: 0, skipped: [] };
  for (const [i, { m, sourceKey }] of ordered.entries()) {
    if (hasMeasurementSource(ctx.db, caseId, sourceKey)) {
      out.existing += 1;
      continue;
    }
    const instanceId = instances.get(m.sopInstanceUid);
    if (instanceId === undefined) {
      out.skipped.push(`${m.kind} #${i + 1}: its image is not in this case`);
      continue;
    }
    const input = createMeasurementInputSchema.safeParse({
      caseId,
      instanceId,
      frame: m.frame,
      tool: m.kind,
      points: m.points.map((p) => [p.x, p.y]),
      label: m.label,
      text: m.text ?? null,
      knownMm: m.knownMm ?? null,
      level: m.level,
      screw: m.screw ?? null,
    });
    if (!input.success) {
      out.skipped.push(`${m.kind} #${i + 1}: ${input.error.issues[0]?.message ?? 'invalid'}`);
      continue;
    }
    let v;
    try {
      v = await measurementValues(ctx.db, ctx.store, { ...input.data, origin: side.origin });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      out.skipped.push(`${m.kind} #${i + 1}: ${e.message}`);
      continue;
    }
    ctx.db
      .transaction(() => {
        if (hasMeasurementSource(ctx.db, caseId, sourceKey)) return;
        insertMeasurement(ctx.db, {
          ...input.data,
          seriesId: v.seriesId,
          value: v.value,
          unit: v.unit,
          values: v.values,
          scale: v.scale,
          userId,
          at: ctx.now(),
          foreign: { origin: side.origin, authorLabel: side.authorLabel, sourceKey },
        });
        out.created += 1;
      })
      .immediate();
  }
  if (out.created || out.skipped.length)
    writeAudit(ctx.db, {
      at: ctx.now(),
      userId,
      action: 'secondOpinion.measurementsRecreated',
      caseId,
      detail: { origin: side.origin, created: out.created, existing: out.existing, skipped: out.skipped },
    });
  return out;
}
