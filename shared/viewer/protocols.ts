import type { HangingProtocol, SeriesFacts, SeriesRule, ViewportOption } from './hanging-protocol.ts';
import type { Display } from './hanging-protocol.ts';
import type { Layout } from './layouts.ts';

const XRAY: SeriesRule = {
  attribute: 'modality',
  constraint: { oneOf: ['DX', 'CR', 'DR', 'RF'] },
  required: true,
};
const STANDING: SeriesRule = {
  attribute: 'description',
  constraint: { matches: 'stand|erect|full|whole|scolio|long' },
  weight: 4,
};
// Flexion/extension views are dynamic studies, not the standing alignment films.
const NOT_DYNAMIC: SeriesRule = {
  attribute: 'description',
  constraint: { notMatches: 'flex|exten|bend' },
  weight: 6,
};
const LATERAL: SeriesRule = {
  anyOf: [
    { attribute: 'viewPosition', constraint: { oneOf: ['LL', 'RL', 'LAT', 'LATERAL', 'LLD', 'RLD'] } },
    { attribute: 'description', constraint: { matches: '\\blat|sag' } },
  ],
  required: true,
};
const FRONTAL: SeriesRule = {
  anyOf: [
    { attribute: 'viewPosition', constraint: { oneOf: ['AP', 'PA'] } },
    { attribute: 'description', constraint: { matches: '\\b(ap|pa|frontal|cor)' } },
  ],
  required: true,
};
const modality = (m: string): SeriesRule => ({
  attribute: 'modality',
  constraint: { equals: m },
  required: true,
});
const stack: Display = { kind: 'stack' };

/**
 * The revision conference's standard hanging (../shared/DESIGN.md, Screens): standing lateral and
 * AP films for alignment, a sagittal CT reformat for fusion and hardware, a sagittal T2 MR for
 * the adjacent segments and the canal.
 */
export const FAILED_FUSION_PROTOCOL: HangingProtocol = {
  id: 'builtin:failed-fusion',
  name: 'Failed fusion (standing films, CT, MR)',
  layout: '2x2',
  viewports: [
    {
      label: 'Standing lateral X-ray',
      options: [
        { display: stack, rules: [XRAY, LATERAL, STANDING, NOT_DYNAMIC] },
        { display: stack, rules: [XRAY, NOT_DYNAMIC] },
      ],
    },
    {
      label: 'Standing AP X-ray',
      options: [
        { display: stack, rules: [XRAY, FRONTAL, STANDING, NOT_DYNAMIC] },
        { display: stack, rules: [XRAY, NOT_DYNAMIC] },
      ],
    },
    {
      label: 'CT sagittal reformat',
      options: [
        {
          display: { kind: 'reformat', plane: 'sagittal' },
          rules: [
            modality('CT'),
            { attribute: 'volumetric', constraint: { isTrue: true }, required: true },
            { attribute: 'plane', constraint: { equals: 'axial' }, weight: 3 },
            { attribute: 'description', constraint: { matches: 'bone|spine|lumb|l-spine' }, weight: 2 },
            { attribute: 'imageCount', constraint: { atLeast: 40 }, weight: 1 },
          ],
        },
        {
          display: stack,
          rules: [modality('CT'), { attribute: 'plane', constraint: { equals: 'sagittal' }, required: true }],
        },
        { display: stack, rules: [modality('CT')] },
      ],
    },
    {
      label: 'MR sagittal T2',
      options: [
        {
          display: stack,
          rules: [
            modality('MR'),
            { attribute: 'plane', constraint: { equals: 'sagittal' }, required: true },
            { attribute: 'description', constraint: { matches: 't2' }, weight: 10 },
            { attribute: 'description', constraint: { notMatches: 'stir|tirm|t1|flair|dixon' }, weight: 3 },
          ],
        },
        {
          display: { kind: 'reformat', plane: 'sagittal' },
          rules: [modality('MR'), { attribute: 'volumetric', constraint: { isTrue: true }, required: true }],
        },
        { display: stack, rules: [modality('MR')] },
      ],
    },
  ],
};

export const BUILTIN_PROTOCOLS: readonly HangingProtocol[] = [FAILED_FUSION_PROTOCOL];

const exact = (
  attribute: 'plane' | 'viewPosition' | 'description',
  value: string | null,
  weight: number,
): SeriesRule[] => (value ? [{ attribute, constraint: { equals: value }, weight }] : []);

/**
 * A user's own hanging from what is on screen: each viewport asks for a series like the one it
 * shows (same modality; preferably same plane, view and description), shown the same way, with
 * "any series of that modality" as the fallback.
 */
export function protocolFromViewports(
  id: string,
  name: string,
  layout: Layout,
  viewports: readonly ({ series: SeriesFacts; display: Display } | null)[],
): HangingProtocol {
  return {
    id,
    name,
    layout,
    viewports: viewports.map((v, i) => {
      if (!v) return { label: `Viewport ${i + 1}`, options: [] };
      const m = v.series.modality;
      const base: SeriesRule[] = m ? [modality(m)] : [];
      const volumetric: SeriesRule[] =
        v.display.kind === 'reformat'
          ? [{ attribute: 'volumetric', constraint: { isTrue: true }, required: true }]
          : [];
      const like: ViewportOption = {
        display: v.display,
        rules: [
          ...base,
          ...volumetric,
          ...exact('plane', v.series.plane, 4),
          ...exact('viewPosition', v.series.viewPosition, 4),
          ...exact('description', v.series.description, 3),
        ],
      };
      const label = [
        m,
        v.series.description,
        v.display.kind === 'reformat' ? `${v.display.plane} reformat` : null,
      ]
        .filter(Boolean)
        .join(' ');
      return {
        label: label || `Viewport ${i + 1}`,
        options: [like, { display: v.display, rules: [...base, ...volumetric] }],
      };
    }),
  };
}
