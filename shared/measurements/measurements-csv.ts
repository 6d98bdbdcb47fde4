import type { Measurement, MeasuredMotion, MeasurementOrigin } from './measurement.ts';

const HEADER = [
  'measurement_id',
  'case_id',
  'series',
  'modality',
  'instance_id',
  'frame',
  'tool',
  'label',
  'level',
  'screw',
  'quantity',
  'value',
  'unit',
  'scale_source',
  'scale_caveat',
  'points',
  'author',
  'origin',
  'created_at',
  'updated_at',
];

/** Whose measurement a row is: this team's, the sending team's (a review case), or a merged second opinion. */
const ORIGIN_CODES: Record<MeasurementOrigin, string> = {
  own: 'this-team',
  sender: 'sending-team',
  secondOpinion: 'second-opinion',
};

/** RFC 4180 quoting; a leading = + - @ is prefixed so spreadsheets do not run it as a formula. */
function cell(v: string | number | null | undefined): string {
  let s = v === null || v === undefined ? '' : String(v);
  if (/^[=+\-@]/.test(s) && !/^-?\d/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One row per measured value (a spinopelvic measurement gives several), then the motions. */
export function measurementsCsv(
  measurements: readonly Measurement[],
  motions: readonly MeasuredMotion[],
): string {
  const rows: (string | number | null | undefined)[][] = [HEADER];
  for (const m of measurements) {
    const common = (quantity: string, value: string | number | null, unit: string | null) => [
      m.id,
      m.caseId,
      m.seriesDescription,
      m.modality,
      m.instanceId,
      m.frame,
      m.tool,
      m.label,
      m.level,
      m.screw ? `${m.screw.vertebra} ${m.screw.side}` : '',
      quantity,
      value,
      unit,
      m.scale.source,
      m.scale.caveat,
      m.points.map(([x, y]) => `${x.toFixed(2)} ${y.toFixed(2)}`).join('; '),
      m.createdBy,
      ORIGIN_CODES[m.origin],
      m.createdAt,
      m.updatedAt,
    ];
    if (m.values.length === 0)
      rows.push(common(m.tool === 'text' || m.tool === 'arrow' ? 'text' : '', m.text, null));
    for (const v of m.values) rows.push(common(v.label, v.value, v.unit));
  }
  for (const mo of motions) {
    const ids = mo.measurementIds.join(' + ');
    const flag = [
      mo.exceedsFusedLimit ? 'exceeds fused-level limit' : '',
      mo.exceedsMobileLimit ? 'exceeds mobile-level limit' : '',
    ]
      .filter(Boolean)
      .join('; ');
    rows.push([
      ids,
      '',
      '',
      '',
      '',
      '',
      'motion',
      flag,
      mo.level,
      '',
      'Flexion/extension translation',
      mo.translationMm,
      mo.unit,
      '',
      '',
      '',
      '',
      '',
      '',
      '',
    ]);
    rows.push([
      ids,
      '',
      '',
      '',
      '',
      '',
      'motion',
      flag,
      mo.level,
      '',
      'Flexion/extension angular motion',
      mo.angleDeg,
      '°',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
    ]);
  }
  return `${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
