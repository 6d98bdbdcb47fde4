import { derivedCode } from './types.ts';
import type { FlagContext, FlagRule } from './types.ts';
import { imagingLevels } from './level-cells.ts';
import { screwsWithHalo } from './screws.ts';

/** Grades that mean a probable or certain non-union, per grading column, with the scale's name. */
const NON_UNION: readonly (readonly [string, string, readonly string[]])[] = [
  ['bridwell', 'Bridwell', ['III', 'IV']],
  ['bsf', 'BSF', ['CF-A', 'CF-B']],
  ['lenke', 'Lenke', ['C', 'D']],
];

const RESULT_LABELS: Readonly<Record<string, string>> = {
  cultureResult: 'intra-operative cultures',
  sonication: 'sonication',
  aspirationBiopsy: 'aspiration/biopsy',
  histology: 'histology',
};

/** Why a low-grade infection must be excluded: loosening, non-union, early failure. */
function reasons({ r, derived }: FlagContext): string[] {
  const levels = imagingLevels(r.values);
  const loose = levels.filter((l) => l.codes('hardware').includes('screwLoosening')).map((l) => l.row.level);
  const halos = screwsWithHalo(r.values);
  const nonUnion = levels.flatMap((l) =>
    l.row.fused
      ? NON_UNION.flatMap(([col, scale, grades]) => {
          const g = l.code(col);
          return g && grades.includes(g) ? [`${l.row.level} ${scale} ${g}`] : [];
        })
      : [],
  );
  const early = derivedCode(derived, 'history.timingClass') === 'early';
  const wound = (r.codes('history.indexComplications') ?? []).some((c) =>
    ['woundProblem', 'antibiotics', 'returnToTheatre'].includes(c),
  );
  return [
    ...(loose.length ? [`screw loosening at ${loose.join(', ')}`] : []),
    ...(halos.length ? [`lucent halo > 1 mm: ${halos.join(', ')}`] : []),
    ...(nonUnion.length ? [`non-union: ${nonUnion.join(', ')}`] : []),
    ...(early ? ['early failure (symptoms within weeks of surgery)'] : []),
    ...(wound && (loose.length || halos.length || nonUnion.length || early)
      ? ['wound problem or antibiotics after the index surgery']
      : []),
  ];
}

function results(ctx: FlagContext): string[] {
  const recorded = Object.entries(RESULT_LABELS).flatMap(([id, label]) => {
    const v = ctx.r.code(`labs.${id}`);
    return v && v !== 'notDone' ? [`${label} ${v}`] : [];
  });
  const organism = ctx.r.text('labs.organism');
  return organism ? [...recorded, `organism: ${organism}`] : recorded;
}

/**
 * Loosening, pseudarthrosis and early failure can be a low-grade infection (often C. acnes) with a
 * normal CRP, so the work-up is prompted whatever the CRP.
 */
const infectionWorkup: FlagRule = {
  id: 'infectionWorkup',
  label: 'Low-grade infection work-up',
  threshold:
    'Screw loosening (halo > 1 mm), non-union (Bridwell III–IV, BSF CF-A–B, Lenke C–D) or early failure, whatever the CRP → serial CRP/ESR, contrast MRI, aspiration or biopsy when indicated; plan ≥ 5 intra-operative cultures with 10–14-day anaerobic incubation and implant sonication',
  source:
    'Leitner L et al., Eur Spine J 2018; Prinz V et al., J Neurosurg Spine 2019; Bémer P et al., J Clin Microbiol 2016; Schäfer P et al., Clin Infect Dis 2008; Trampuz A et al., N Engl J Med 2007',
  fieldIds: ['imaging.levels', 'imaging.screws', 'labs.cultureResult', 'labs.sonication'],
  evaluate(ctx) {
    const why = reasons(ctx);
    if (why.length === 0) return undefined;
    const done = results(ctx);
    const recorded = done.length
      ? ` Work-up recorded: ${done.join(', ')}.`
      : ' No work-up result recorded yet.';
    return { severity: 'warning', detail: `${why.join('; ')}.${recorded}` };
  },
};

export const INFECTION_WORKUP_FLAGS: readonly FlagRule[] = [infectionWorkup];
