import type { Database } from 'better-sqlite3';
import { seriesCalibration } from '../../../db/measurements.ts';
import { AppError } from '../../../shared/contract/result.ts';
import { computeMeasurement } from '../../../shared/measurements/compute.ts';
import { anteriorSide, spacingOfFrame } from '../../../shared/measurements/image-facts.ts';
import type { MeasurementOrigin } from '../../../shared/measurements/measurement.ts';
import type { MeasurementTool } from '../../../shared/measurements/tools.ts';
import { LENGTH_TOOLS, TOOL_SPECS } from '../../../shared/measurements/tools.ts';
import type { ImagePoint, MeasuredValue, MeasureScale } from '../../../shared/measurements/types.ts';
import type { Calibration } from '../../../shared/measurements/units.ts';
import { measureScale } from '../../../shared/measurements/units.ts';
import type { StoreLayout } from '../store/layout.ts';
import type { StoredFrame } from './stored-frame.ts';
import { readStoredFrame } from './stored-frame.ts';

export interface ValuesRequest {
  caseId: number;
  instanceId: number;
  frame: number;
  tool: MeasurementTool;
  points: readonly ImagePoint[];
  knownMm: number | null;
  /** Whose measurement this is (default own): which calibrations size it. */
  origin?: MeasurementOrigin;
}

export interface ComputedValues {
  seriesId: number;
  value: number | null;
  unit: string | null;
  values: MeasuredValue[];
  scale: MeasureScale;
}

const unitOf = (modality: string | null): string | null => (modality === 'CT' ? 'HU' : null);

export async function frameOrThrow(
  db: Database,
  store: StoreLayout,
  instanceId: number,
  frame: number,
): Promise<StoredFrame> {
  const f = await readStoredFrame(db, store, instanceId, frame).catch(() => {
    throw new AppError('NOT_FOUND', `The stored file of image ${instanceId} cannot be read.`);
  });
  if (!f) throw new AppError('NOT_FOUND', `Image ${instanceId} does not exist.`);
  return f;
}

/**
 * Computes a measurement's values on its image: the scale is the series' calibration (a new
 * calibration calibrates itself: its value is the known size) or the file's own spacing.
 */
export async function measurementValues(
  db: Database,
  store: StoreLayout,
  r: ValuesRequest,
): Promise<ComputedValues> {
  const need = TOOL_SPECS[r.tool].points.length;
  if (r.points.length !== need)
    throw new AppError('INVALID_INPUT', `points: ${TOOL_SPECS[r.tool].label} needs ${need} point(s).`);
  if (r.tool === 'calibration' && !r.knownMm)
    throw new AppError('INVALID_INPUT', 'knownMm: Enter the true size of the object in mm.');
  const frame = await frameOrThrow(db, store, r.instanceId, r.frame);
  const spacing = spacingOfFrame(frame.meta);
  const stored = r.tool === 'calibration' ? null : seriesCalibration(db, r.caseId, frame.seriesId, r.origin);
  const calibration: Calibration | null = stored?.knownMm
    ? { points: [stored.points[0]!, stored.points[1]!], knownMm: stored.knownMm }
    : null;
  const scale = measureScale(spacing, calibration);
  const needsPixels = r.tool === 'probe' || r.tool === 'ellipse' || r.tool === 'rectangle';
  const computed = computeMeasurement({
    tool: r.tool,
    points: r.points,
    scale,
    anterior: anteriorSide(frame.meta),
    pixels: needsPixels ? await frame.pixels() : null,
    valueUnit: unitOf(frame.meta.modality),
    knownMm: r.knownMm,
  });
  if (r.tool === 'calibration') {
    const measured = computed.value;
    return {
      seriesId: frame.seriesId,
      value: r.knownMm,
      unit: 'mm',
      values: [
        { key: 'knownMm', label: 'Calibrated to', value: r.knownMm!, unit: 'mm' },
        ...(measured !== null
          ? [
              {
                key: 'before',
                label: 'Read before',
                value: Math.round(measured * 100) / 100,
                unit: computed.unit ?? '',
              },
            ]
          : []),
      ],
      scale,
    };
  }
  return { seriesId: frame.seriesId, ...computed, scale };
}

export const dependsOnScale = (tool: MeasurementTool): boolean =>
  LENGTH_TOOLS.has(tool) ||
  tool === 'spinopelvic' ||
  tool === 'segment' ||
  tool === 'ellipse' ||
  tool === 'rectangle';
