import { describe, expect, it } from 'vitest';
import { measuredFields } from '../../../shared/measurements/form-links.ts';
import { caseMotions } from '../../../shared/measurements/motions.ts';
import type { CaseMeasurements, Measurement } from '../../../shared/measurements/measurement.ts';
import { fieldById } from '../../../shared/evaluation/schema.ts';

const m = (
  id: number,
  tool: Measurement['tool'],
  values: Measurement['values'],
  unitless = false,
): Measurement => ({
  id,
  caseId: 1,
  seriesId: 2,
  instanceId: 3 + id,
  frame: 0,
  tool,
  points: [],
  label: '',
  text: null,
  knownMm: null,
  value: null,
  unit: null,
  values,
  scale: { row: unitless ? null : 0.4, column: unitless ? null : 0.4, source: 'pixel-spacing', caveat: null },
  level: null,
  screw: null,
  seriesDescription: null,
  modality: 'DX',
  createdBy: 'Dr A',
  origin: 'own',
  createdAt: '',
  updatedAt: '',
});

describe('measurement → form field links', () => {
  it('the newest spinopelvic measurement fills PI … TPA; px values never fill a mm field', () => {
    const data: CaseMeasurements = {
      caseId: 1,
      readOnly: false,
      measurements: [
        m(1, 'spinopelvic', [{ key: 'PI', label: 'PI', value: 40, unit: '°' }]),
        m(2, 'spinopelvic', [
          { key: 'PI', label: 'PI', value: 54.94, unit: '°' },
          { key: 'SVA_mm', label: 'SVA', value: 120, unit: 'px' },
        ]),
      ],
      motions: [
        {
          level: 'L3-L4',
          measurementIds: [1, 2],
          translationMm: 4.04,
          angleDeg: 7.96,
          unit: 'mm',
          exceedsFusedLimit: true,
          exceedsMobileLimit: false,
          mobileAngleLimitDeg: 15,
        },
      ],
    };
    const f = measuredFields(data);
    expect(f.find((x) => x.fieldId === 'imaging.pi')).toMatchObject({ value: 54.9, measurementId: 2 });
    expect(f.find((x) => x.fieldId === 'imaging.svaMm')).toBeUndefined();
    expect(f.filter((x) => x.fieldId === 'imaging.levels').map((x) => [x.level, x.column, x.value])).toEqual([
      ['L3-L4', 'translationMm', 4],
      ['L3-L4', 'angulationDeg', 8],
    ]);
  });
  it('a second opinion merged from a reply never fills the form, nor pairs films with the team’s', () => {
    const segment = (id: number, origin: Measurement['origin']): Measurement => ({
      ...m(id, 'segment', [
        { key: 'segmentAngle', label: 'Angle', value: id * 3, unit: '°' },
        { key: 'segmentOffset', label: 'Offset', value: id, unit: 'mm' },
      ]),
      level: 'L3-L4',
      origin,
    });
    const own = segment(1, 'own');
    const reviewer = [segment(2, 'secondOpinion'), segment(3, 'secondOpinion')];
    const spinopelvic = {
      ...m(4, 'spinopelvic', [{ key: 'PI', label: 'PI', value: 61, unit: '°' }]),
      origin: 'secondOpinion' as const,
    };
    const measurements = [own, ...reviewer, spinopelvic];
    const motions = caseMotions(measurements);
    expect(motions.map((mo) => mo.measurementIds)).toEqual([[2, 3]]);
    expect(measuredFields({ caseId: 1, readOnly: false, measurements, motions })).toEqual([]);
  });
  it('links only to fields the form has', () => {
    const data: CaseMeasurements = {
      caseId: 1,
      readOnly: false,
      measurements: [
        m(
          1,
          'spinopelvic',
          ['PI', 'PT', 'SS', 'LL', 'TPA'].map((key) => ({ key, label: key, value: 1, unit: '°' })),
        ),
      ],
      motions: [],
    };
    for (const f of measuredFields(data)) expect(() => fieldById(f.fieldId)).not.toThrow();
  });
});
