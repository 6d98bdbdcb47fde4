import { MME_CAUTION_FROM, MME_FACTORS, MME_HIGH_FROM } from './calculators/opioids.ts';
import { describeConfig } from './config.ts';
import { COMPUTED_FIELDS } from './derived.ts';
import { FLAG_RULES, flagThreshold } from './flags/index.ts';
import { resolveConfig } from './config.ts';
import { findField } from './schema.ts';
import { IMAGING_GRID_FIELD } from './sections/imaging.ts';
import type { LevelGridField } from './types.ts';
import { UNIT_SPECS } from './units.ts';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const row = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
const table = (head: readonly string[], rows: readonly (readonly string[])[]) => [
  row(head),
  row(head.map(() => '---')),
  ...rows.map(row),
];

/**
 * docs/clinical-rules.md, generated from the rule definitions the app runs (flags, calculators,
 * grading scales, unit conversions, configurable thresholds), so the document cannot drift from
 * the code: a test compares the committed file with this output.
 */
export function clinicalRulesMarkdown(): string {
  const config = resolveConfig();
  const grid = findField(IMAGING_GRID_FIELD) as LevelGridField;
  const lines = [
    '# Clinical rules',
    '',
    'Generated from the rule definitions in `shared/evaluation` by',
    '`npm run cli -- clinical-rules --out docs/clinical-rules.md`; do not edit by hand (a test fails',
    'when this file and the code disagree). Flags are prompts for the conference, never decisions.',
    'Levels: **urgent** (act now, before the conference), **warning** (discuss), **caution**',
    '(consider), **info** (note).',
    '',
    '## Flags',
    '',
    ...table(
      ['Id', 'Flag', 'Threshold', 'Primary source'],
      FLAG_RULES.map((r) => [`\`${r.id}\``, r.label, flagThreshold(r, config), r.source]),
    ),
    '',
    '## Calculators (computed fields)',
    '',
    ...table(
      ['Field', 'Calculator', 'Formula', 'Source'],
      COMPUTED_FIELDS.map((f) => [`\`${f.id}\``, f.label, f.formula, f.source]),
    ),
    '',
    '## Grading scales in the per-level imaging grid',
    '',
    ...grid.columns.flatMap((c) =>
      c.kind === 'singleChoice' && c.options.length > 2
        ? [
            `### ${c.label}`,
            '',
            ...(c.help ? [c.help, ''] : []),
            ...c.options.map((o) => `- ${o.label}${o.unverified ? ' *(definition unconfirmed)*' : ''}`),
            '',
          ]
        : [],
    ),
    '## Units',
    '',
    'Values are stored as entered with their unit; flags and calculators use the canonical unit',
    '(first listed). canonical = entered × factor + offset.',
    '',
    ...table(
      ['Field', 'Canonical unit', 'Other units (factor, offset)'],
      Object.entries(UNIT_SPECS).map(([id, spec]) => [
        `\`${id}\``,
        spec.options[0].code,
        spec.options
          .slice(1)
          .map((o) => `${o.code} (× ${o.factor.toPrecision(4)}${'offset' in o ? ` + ${o.offset}` : ''})`)
          .join(', '),
      ]),
    ),
    '',
    '## Morphine milligram equivalents',
    '',
    `Dowell D et al., CDC Clinical Practice Guideline for Prescribing Opioids for Pain, MMWR Recomm Rep 2022: caution ≥ ${MME_CAUTION_FROM} MME/day, high dose ≥ ${MME_HIGH_FROM} MME/day.`,
    '',
    ...table(
      ['Opioid', 'Conversion factor', 'Dose unit'],
      Object.values(MME_FACTORS).map((f) => [f.label, String(f.factor), f.doseUnit]),
    ),
    '',
    '## Configurable thresholds (no confirmed primary source)',
    '',
    ...table(
      ['Setting', 'Meaning', 'Default'],
      describeConfig(config).map((c) => [`\`${c.key}\``, c.label, `${c.value} ${c.unit}`.trim()]),
    ),
    '',
  ];
  return lines.join('\n');
}
