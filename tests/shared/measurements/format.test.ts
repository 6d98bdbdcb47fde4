import { describe, expect, it } from 'vitest';
import { measurementLines } from '../../../shared/measurements/format.ts';
import type { Measurement } from '../../../shared/measurements/measurement.ts';

const m = (tool: Measurement['tool'], values: Measurement['values'], extra: Partial<Measurement> = {}) =>
  ({
    id: 1,
    caseId: 1,
    seriesId: 2,
    instanceId: 3,
    frame: 0,
    tool,
    points: [],
    label: '',
    text: null,
    knownMm: null,
    value: null,
    unit: null,
    values,
    scale: { row: 0.5, column: 0.5, source: 'pixel-spacing', caveat: null },
    level: null,
    screw: null,
    seriesDescription: null,
    modality: 'DX',
    createdBy: 'Dr A',
    createdAt: '',
    updatedAt: '',
    origin: 'own',
    ...extra,
  }) satisfies Measurement;

describe('measurement labels', () => {
  it('a calibration says the true size and what was read before it', () => {
    expect(
      measurementLines(
        m('calibration', [
          { key: 'knownMm', label: 'Calibrated to', value: 100, unit: 'mm' },
          { key: 'before', label: 'Read before', value: 91.13, unit: 'mm' },
        ]),
      ),
    ).toEqual(['Calibrate 100.0 mm (read 91.1 mm before)']);
  });

  it('a halo names its screw', () => {
    expect(
      measurementLines(
        m('halo', [{ key: 'length', label: 'Halo width', value: 2.04, unit: 'mm' }], {
          screw: { vertebra: 'S1', side: 'left' },
        }),
      ),
    ).toEqual(['Halo · S1 L screw 2.0 mm']);
  });
});
