import { segmentPosition } from './motion.ts';
import { angleAt, cobbAngle, distance, horizontalOffset } from './plane-geometry.ts';
import type { FramePixels } from './roi.ts';
import { pixelValue, roiArea, roiStats } from './roi.ts';
import type { AnteriorSide } from './spinopelvic.ts';
import { landmarksFromPoints, spinopelvicAlignment } from './spinopelvic.ts';
import type { MeasurementTool } from './tools.ts';
import { TOOL_SPECS } from './tools.ts';
import type { ImagePoint, MeasureScale, MeasuredValue } from './types.ts';
import { hasMm, lengthUnit, toPhysical } from './units.ts';

export interface ComputeInput {
  tool: MeasurementTool;
  points: readonly ImagePoint[];
  scale: MeasureScale;
  /** Which side of the image the patient faces (lateral films). */
  anterior: AnteriorSide;
  /** The frame's pixels, for the probe and ROIs; the unit of their values (HU on CT). */
  pixels: FramePixels | null;
  valueUnit: string | null;
  knownMm?: number | null;
}

export interface Computed {
  /** The headline value and its unit (null for annotations). */
  value: number | null;
  unit: string | null;
  values: MeasuredValue[];
}

const v = (key: string, label: string, value: number | string, unit: string): MeasuredValue => ({
  key,
  label,
  value: typeof value === 'number' ? Math.round(value * 100) / 100 : value,
  unit,
});

function pixelStatsValues(i: ComputeInput, shape: 'ellipse' | 'rectangle'): MeasuredValue[] {
  const [a, b] = i.points as [ImagePoint, ImagePoint];
  const [ax, ay] = toPhysical(a, i.scale);
  const [bx, by] = toPhysical(b, i.scale);
  const unit = lengthUnit(i.scale);
  const out = [v('area', 'Area', roiArea(shape, Math.abs(bx - ax), Math.abs(by - ay)), `${unit}²`)];
  if (!i.pixels) return out;
  const s = roiStats(i.pixels, shape, a, b);
  const u = i.valueUnit ?? '';
  if (s.count === 0) return out;
  return [
    ...out,
    v('mean', 'Mean', s.mean, u),
    v('sd', 'SD', s.sd, u),
    v('min', 'Min', s.min, u),
    v('max', 'Max', s.max, u),
  ];
}

/**
 * The values of a measurement from its points on one image: the single place every surface (viewer
 * overlay, panel, form, CSV, SR, CLI) gets them from, through the backend.
 */
export function computeMeasurement(i: ComputeInput): Computed {
  const need = TOOL_SPECS[i.tool].points.length;
  if (i.points.length !== need)
    throw new RangeError(`${TOOL_SPECS[i.tool].label} needs ${need} point(s), got ${i.points.length}.`);
  const p = i.points;
  const unit = lengthUnit(i.scale);
  const spacing = (): readonly [number, number] => (hasMm(i.scale) ? [i.scale.row, i.scale.column] : [1, 1]);
  switch (i.tool) {
    case 'length':
    case 'halo':
    case 'calibration': {
      const d = distance(p[0]!, p[1]!, i.scale);
      return { value: d, unit, values: [v('length', i.tool === 'halo' ? 'Halo width' : 'Length', d, unit)] };
    }
    case 'angle': {
      const a = angleAt(p[0]!, p[1]!, p[2]!, i.scale);
      return { value: a, unit: '°', values: [v('angle', 'Angle', a, '°')] };
    }
    case 'cobb': {
      const a = cobbAngle([p[0]!, p[1]!], [p[2]!, p[3]!], i.scale);
      return { value: a, unit: '°', values: [v('cobb', 'Cobb angle', a, '°')] };
    }
    case 'probe': {
      const val = i.pixels ? pixelValue(i.pixels, p[0]!) : null;
      return val === null
        ? { value: null, unit: null, values: [] }
        : { value: val, unit: i.valueUnit ?? '', values: [v('value', 'Value', val, i.valueUnit ?? '')] };
    }
    case 'ellipse':
    case 'rectangle': {
      const values = pixelStatsValues(i, i.tool);
      const mean = values.find((x) => x.key === 'mean');
      return mean
        ? { value: mean.value as number, unit: mean.unit, values }
        : { value: values[0]!.value as number, unit: values[0]!.unit, values };
    }
    case 'arrow':
    case 'text':
      return { value: null, unit: null, values: [] };
    case 'coronalBalance': {
      const d = horizontalOffset(p[1]!, p[0]!, i.scale);
      return { value: d, unit, values: [v('coronalBalance', 'C7 to CSVL (right +)', d, unit)] };
    }
    case 'spinopelvic': {
      const r = spinopelvicAlignment(landmarksFromPoints(p, spacing(), i.anterior));
      const angleUnit = '°';
      return {
        value: r.PI_LL,
        unit: angleUnit,
        values: [
          v('PI', 'PI', r.PI, angleUnit),
          v('PT', 'PT', r.PT, angleUnit),
          v('SS', 'SS', r.SS, angleUnit),
          v('LL', 'LL', r.LL, angleUnit),
          v('PI_LL', 'PI–LL', r.PI_LL, angleUnit),
          v('SVA_mm', 'SVA', r.SVA_mm, unit),
          v('TPA', 'TPA', r.TPA, angleUnit),
          v('schwab_PI_LL', 'Schwab PI–LL', r.schwab.PI_LL, ''),
          v('schwab_PT', 'Schwab PT', r.schwab.PT, ''),
          v('schwab_SVA', 'Schwab SVA', r.schwab.SVA, ''),
        ],
      };
    }
    case 'segment': {
      const s = segmentPosition(p, spacing(), i.anterior);
      return {
        value: s.angleDeg,
        unit: '°',
        values: [
          v('segmentAngle', 'Segment angle', s.angleDeg, '°'),
          v('segmentOffset', 'Offset', s.translationMm, unit),
        ],
      };
    }
  }
}
