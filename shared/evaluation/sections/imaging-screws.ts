import { VERTEBRAE } from '../levels.ts';
import type { ListField } from '../types.ts';
import { options } from './builders.ts';

export const SCREW_LIST_FIELD = 'imaging.screws';

/** A lucent halo wider than 1 mm around a screw is loosening (Sandén B et al., J Bone Joint Surg Br 2004). */
export const SCREW_HALO_LOOSE_OVER_MM = 1;

/**
 * One row per screw with a finding. Item ids (vertebra, side, haloMm, breach, fracture, pullOut)
 * are the targets measurement tools fill (halo width measured on CT).
 */
export const SCREW_FINDINGS_FIELD: ListField = {
  id: SCREW_LIST_FIELD,
  kind: 'list',
  label: 'Screw findings',
  help: 'One row per screw with a finding: lucent halo > 1 mm is loosening (Sandén B et al., J Bone Joint Surg Br 2004).',
  itemLabel: 'Screw',
  maxItems: 40,
  itemFields: [
    {
      id: 'vertebra',
      kind: 'singleChoice',
      label: 'Vertebra',
      options: [...VERTEBRAE, 'S2', 'Ilium'].map((v) => ({ code: v, label: v })),
      requiredInItem: true,
    },
    {
      id: 'side',
      kind: 'singleChoice',
      label: 'Side',
      options: options([
        ['left', 'Left'],
        ['right', 'Right'],
        ['midline', 'Midline / other'],
      ]),
      requiredInItem: true,
    },
    {
      id: 'haloMm',
      kind: 'decimal',
      label: 'Lucent halo width',
      unit: 'mm',
      min: 0,
      max: 10,
      step: 0.1,
      range: 'plausible',
    },
    {
      id: 'breach',
      kind: 'singleChoice',
      label: 'Breach',
      options: options([
        ['none', 'None'],
        ['medial', 'Medial'],
        ['lateral', 'Lateral'],
        ['inferior', 'Inferior / superior'],
        ['anterior', 'Anterior'],
      ]),
    },
    { id: 'fracture', kind: 'boolean', label: 'Screw fracture' },
    { id: 'pullOut', kind: 'boolean', label: 'Pull-out' },
  ],
};
