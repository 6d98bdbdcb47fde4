import type { Measurement, MeasuredMotion } from './measurement.ts';
import { TOOL_SPECS } from './tools.ts';
import type { MeasuredValue } from './types.ts';

const number = (v: number, unit: string): string => {
  const digits = unit === 'mm²' || unit === 'px²' || Math.abs(v) >= 1000 ? 0 : 1;
  return v.toFixed(digits);
};

export const formatValue = (v: MeasuredValue): string =>
  typeof v.value === 'number'
    ? `${number(v.value, v.unit)}${v.unit === '°' || v.unit === '' ? '' : ' '}${v.unit}`
    : v.value;

/** The lines shown beside a measurement on the image and in the panel. */
export function measurementLines(m: Measurement): string[] {
  const tags = [m.level, m.screw ? `${m.screw.vertebra} ${m.screw.side === 'left' ? 'L' : 'R'} screw` : null]
    .filter(Boolean)
    .join(' · ');
  const head = [m.label || TOOL_SPECS[m.tool].label, tags].filter(Boolean).join(' · ');
  const get = (k: string) => m.values.find((v) => v.key === k);
  switch (m.tool) {
    case 'text':
    case 'arrow':
      return [m.text ?? ''];
    case 'spinopelvic': {
      const f = (k: string, name: string) => {
        const v = get(k);
        return v ? `${name} ${formatValue(v)}` : '';
      };
      return [
        head,
        `${f('PI', 'PI')}  ${f('PT', 'PT')}  ${f('SS', 'SS')}`,
        `${f('LL', 'LL')}  ${f('PI_LL', 'PI–LL')}`,
        `${f('SVA_mm', 'SVA')}  ${f('TPA', 'TPA')}`,
        `Schwab PI–LL ${get('schwab_PI_LL')?.value ?? '?'} · PT ${get('schwab_PT')?.value ?? '?'} · SVA ${get('schwab_SVA')?.value ?? '?'}`,
      ];
    }
    case 'ellipse':
    case 'rectangle': {
      const mean = get('mean');
      const sd = get('sd');
      const area = get('area');
      return [
        head,
        ...(mean && sd ? [`Mean ${formatValue(mean)} ± ${formatValue(sd)}`] : []),
        ...(get('min') && get('max')
          ? [`Min ${formatValue(get('min')!)} · Max ${formatValue(get('max')!)}`]
          : []),
        ...(area ? [`Area ${formatValue(area)}`] : []),
      ];
    }
    case 'calibration': {
      const known = get('knownMm');
      const before = get('before');
      return [
        [head, known ? formatValue(known) : '', before ? `(read ${formatValue(before)} before)` : '']
          .filter(Boolean)
          .join(' '),
      ];
    }
    default:
      return [[head, ...m.values.map(formatValue)].join(' ')];
  }
}

/** The motion of a level as one line, with the thresholds it exceeds. */
export function motionLine(mo: MeasuredMotion): string {
  const flags = [
    mo.exceedsFusedLimit ? 'moves at or beyond the fused-level limit (≥ 3 mm or ≥ 5°)' : null,
    mo.exceedsMobileLimit ? `unstable if mobile (> 4.5 mm or > ${mo.mobileAngleLimitDeg}°)` : null,
  ].filter(Boolean);
  return `${mo.level}: translation ${mo.translationMm.toFixed(1)} ${mo.unit}, angular motion ${mo.angleDeg.toFixed(1)}°${flags.length ? ` — ${flags.join('; ')}` : ''}`;
}
