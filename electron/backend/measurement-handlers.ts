import { writeAudit } from '../../db/audit.ts';
import { findCase } from '../../db/cases.ts';
import {
  deleteMeasurementRow,
  findMeasurement,
  insertMeasurement,
  listCaseMeasurements,
  updateMeasurementRow,
} from '../../db/measurements.ts';
import { caseHasSeries, seriesOfInstance } from '../../db/series.ts';
import { AppError } from '../../shared/contract/result.ts';
import type { CaseRecord } from '../../shared/domain/case.ts';
import type { CaseMeasurements, Measurement } from '../../shared/measurements/measurement.ts';
import type { MeasuredOverrideDetail } from '../../shared/contract/measurement-schemas.ts';
import { measuredFields } from '../../shared/measurements/form-links.ts';
import { caseMotions } from '../../shared/measurements/motions.ts';
import { measuredFieldLabel } from '../../shared/measurements/override.ts';
import { dependsOnScale, measurementValues } from '../services/measurements/measurement-values.ts';
import { exportMeasurements } from '../services/measurements/export-measurements.ts';
import type { BackendContext } from './context.ts';
import { requireUser } from './context.ts';
import type { HandlerMap } from './handler.ts';
import { requireOwnMeasurement } from './second-opinion-lock.ts';

function requireCase(ctx: BackendContext, id: number): CaseRecord {
  const c = findCase(ctx.db, id);
  if (!c) throw new AppError('NOT_FOUND', `Case ${id} does not exist.`);
  return c;
}

function requireWritable(ctx: BackendContext, id: number): CaseRecord {
  const c = requireCase(ctx, id);
  if (c.status === 'archived')
    throw new AppError('READ_ONLY', 'This case is archived. Restore it to change its measurements.');
  return c;
}

function measurementOrThrow(ctx: BackendContext, id: number): Measurement {
  const m = findMeasurement(ctx.db, id);
  if (!m) throw new AppError('NOT_FOUND', `Measurement ${id} does not exist.`);
  return m;
}

/** Every measurement of a case with the flexion/extension motions they give. */
export function caseMeasurements(ctx: BackendContext, caseId: number): CaseMeasurements {
  const c = requireCase(ctx, caseId);
  const measurements = listCaseMeasurements(ctx.db, caseId);
  return { caseId, readOnly: c.status === 'archived', measurements, motions: caseMotions(measurements) };
}

/** After a calibration changes, the series' other sizes are recomputed with the new scale. */
async function recomputeSeries(ctx: BackendContext, caseId: number, seriesId: number, userId: number) {
  const affected = listCaseMeasurements(ctx.db, caseId).filter(
    (m) =>
      m.seriesId === seriesId && m.origin === 'own' && m.tool !== 'calibration' && dependsOnScale(m.tool),
  );
  const updates = await Promise.all(
    affected.map(async (m) => ({ m, v: await measurementValues(ctx.db, ctx.store, m) })),
  );
  const at = ctx.now();
  for (const { m, v } of updates)
    updateMeasurementRow(
      ctx.db,
      m.id,
      { ...m, value: v.value, unit: v.unit, values: v.values, scale: v.scale },
      userId,
      at,
    );
}

const auditDetail = (m: Pick<Measurement, 'id' | 'tool' | 'instanceId' | 'frame' | 'level' | 'screw'>) => ({
  measurementId: m.id,
  tool: m.tool,
  instanceId: m.instanceId,
  frame: m.frame,
  level: m.level,
  screw: m.screw,
});

export const measurementHandlers = {
  'measurements.list': (ctx, input) => caseMeasurements(ctx, input.caseId),
  'measurements.create': async (ctx, input) => {
    const user = requireUser(ctx);
    requireWritable(ctx, input.caseId);
    const seriesId = seriesOfInstance(ctx.db, input.instanceId);
    if (seriesId === null || !caseHasSeries(ctx.db, input.caseId, seriesId))
      throw new AppError('NOT_FOUND', `Image ${input.instanceId} is not in this case's imaging.`);
    const v = await measurementValues(ctx.db, ctx.store, input);
    ctx.db
      .transaction(() => {
        requireWritable(ctx, input.caseId);
        const at = ctx.now();
        const id = insertMeasurement(ctx.db, {
          ...input,
          seriesId,
          value: v.value,
          unit: v.unit,
          values: v.values,
          scale: v.scale,
          userId: user.id,
          at,
        });
        writeAudit(ctx.db, {
          at,
          userId: user.id,
          action: 'measurements.create',
          caseId: input.caseId,
          detail: { ...auditDetail({ ...input, id }), value: v.value, unit: v.unit },
        });
      })
      .immediate();
    if (input.tool === 'calibration') await recomputeSeries(ctx, input.caseId, seriesId, user.id);
    return caseMeasurements(ctx, input.caseId);
  },
  'measurements.update': async (ctx, input) => {
    const user = requireUser(ctx);
    const m = measurementOrThrow(ctx, input.id);
    requireWritable(ctx, m.caseId);
    requireOwnMeasurement(m);
    const next = {
      points: input.points ?? m.points,
      label: input.label ?? m.label,
      text: input.text !== undefined ? input.text : m.text,
      knownMm: input.knownMm !== undefined ? input.knownMm : m.knownMm,
      level: input.level !== undefined ? input.level : m.level,
      screw: input.screw !== undefined ? input.screw : m.screw,
    };
    const v = await measurementValues(ctx.db, ctx.store, { ...m, ...next });
    ctx.db
      .transaction(() => {
        requireWritable(ctx, m.caseId);
        const at = ctx.now();
        updateMeasurementRow(
          ctx.db,
          m.id,
          { ...next, value: v.value, unit: v.unit, values: v.values, scale: v.scale },
          user.id,
          at,
        );
        writeAudit(ctx.db, {
          at,
          userId: user.id,
          action: 'measurements.update',
          caseId: m.caseId,
          detail: {
            ...auditDetail({ ...m, ...next }),
            changed: Object.keys(input).filter((k) => k !== 'id'),
            before: { value: m.value, unit: m.unit },
            after: { value: v.value, unit: v.unit },
          },
        });
      })
      .immediate();
    if (m.tool === 'calibration') await recomputeSeries(ctx, m.caseId, m.seriesId, user.id);
    return caseMeasurements(ctx, m.caseId);
  },
  'measurements.delete': async (ctx, input) => {
    const user = requireUser(ctx);
    const m = measurementOrThrow(ctx, input.id);
    ctx.db
      .transaction(() => {
        requireWritable(ctx, m.caseId);
        requireOwnMeasurement(m);
        deleteMeasurementRow(ctx.db, m.id);
        writeAudit(ctx.db, {
          at: ctx.now(),
          userId: user.id,
          action: 'measurements.delete',
          caseId: m.caseId,
          detail: { ...auditDetail(m), value: m.value, unit: m.unit, points: m.points },
        });
      })
      .immediate();
    if (m.tool === 'calibration') await recomputeSeries(ctx, m.caseId, m.seriesId, user.id);
    return caseMeasurements(ctx, m.caseId);
  },
  'measurements.recordOverride': (ctx, input) => {
    const user = requireUser(ctx);
    const c = requireWritable(ctx, input.caseId);
    if (c.status === 'decided')
      throw new AppError('READ_ONLY', 'This case is decided: reopen it to change its evaluation.');
    // The measured value comes from the stored measurement, never from the request.
    const link = measuredFields(caseMeasurements(ctx, input.caseId)).find(
      (f) =>
        f.measurementId === input.measurementId &&
        f.fieldId === input.fieldId &&
        f.level === input.level &&
        f.column === input.column,
    );
    if (!link)
      throw new AppError(
        'INVALID_INPUT',
        `fieldId: Measurement ${input.measurementId} does not fill ${input.fieldId} in this case.`,
      );
    const detail: MeasuredOverrideDetail = {
      fieldId: link.fieldId,
      fieldLabel: measuredFieldLabel(link),
      level: link.level,
      column: link.column,
      measurementId: link.measurementId,
      measuredValue: link.value,
      unit: link.unit,
      previousValue: input.previousValue,
      newValue: input.newValue,
      reason: input.reason,
    };
    ctx.db
      .transaction(() => {
        writeAudit(ctx.db, {
          at: ctx.now(),
          userId: user.id,
          action: 'measurements.recordOverride',
          caseId: input.caseId,
          detail: { ...detail },
        });
      })
      .immediate();
    return detail;
  },
  'measurements.export': async (ctx, input) => {
    const user = requireUser(ctx);
    requireCase(ctx, input.caseId);
    const out = await exportMeasurements(ctx, input.caseId, input.format);
    writeAudit(ctx.db, {
      at: ctx.now(),
      userId: user.id,
      action: 'measurements.export',
      caseId: input.caseId,
      detail: { format: input.format },
    });
    return out;
  },
} satisfies Partial<HandlerMap>;
