import type { Layout } from './layouts.ts';
import { viewportCount } from './layouts.ts';
import type { ReformatPlane } from './reformat.ts';

/** What a protocol may ask of a series (from the index: no pixels needed). */
export interface SeriesFacts {
  seriesId: number;
  studyDate: string | null;
  modality: string | null;
  description: string | null;
  seriesNumber: number | null;
  /** View Position (0018,5101) of its images, e.g. AP, PA, LL, RL. */
  viewPosition: string | null;
  /** Acquisition plane from Image Orientation (Patient), or 'projection' for radiographs. */
  plane: string | null;
  bodyPart: string | null;
  imageCount: number;
  /** Parallel, same-sized slices: can be reformatted. */
  volumetric: boolean;
}

/** A stack as acquired, or an orthogonal reformat built from a volumetric series. */
export type Display = { kind: 'stack' } | { kind: 'reformat'; plane: ReformatPlane };

export type RuleAttribute =
  'modality' | 'description' | 'viewPosition' | 'plane' | 'bodyPart' | 'imageCount' | 'volumetric';

/** Text tests ignore case; `matches` is a regular expression. */
export type Constraint =
  | { equals: string }
  | { oneOf: string[] }
  | { matches: string }
  | { notMatches: string }
  | { atLeast: number }
  | { isTrue: boolean };

export type SeriesRule =
  | { attribute: RuleAttribute; constraint: Constraint; required?: boolean; weight?: number }
  | { anyOf: SeriesRule[]; required?: boolean; weight?: number };

/** One way to fill a viewport; a viewport tries its options in order (fallbacks last). */
export interface ViewportOption {
  display: Display;
  rules: SeriesRule[];
}

export interface ViewportSpec {
  label: string;
  options: ViewportOption[];
}

/** A hanging protocol as data (after OHIF's protocol engine): a grid and what goes in each cell. */
export interface HangingProtocol {
  id: string;
  name: string;
  layout: Layout;
  viewports: ViewportSpec[];
}

export type ViewportAssignment =
  | { label: string; seriesId: number; display: Display; fallback: boolean }
  | { label: string; seriesId: null; reason: string };

function attributeValue(s: SeriesFacts, a: RuleAttribute): string | number | boolean | null {
  switch (a) {
    case 'imageCount':
      return s.imageCount;
    case 'volumetric':
      return s.volumetric;
    default:
      return s[a];
  }
}

function satisfies(value: string | number | boolean | null, c: Constraint): boolean {
  if ('isTrue' in c) return value === c.isTrue;
  if ('atLeast' in c) return typeof value === 'number' && value >= c.atLeast;
  const text = value === null ? '' : String(value).trim().toUpperCase();
  if ('equals' in c) return text !== '' && text === c.equals.toUpperCase();
  if ('oneOf' in c) return c.oneOf.some((o) => o.toUpperCase() === text);
  if ('matches' in c) return text !== '' && new RegExp(c.matches, 'i').test(text);
  return !new RegExp(c.notMatches, 'i').test(text);
}

export function ruleHolds(s: SeriesFacts, rule: SeriesRule): boolean {
  return 'anyOf' in rule
    ? rule.anyOf.some((r) => ruleHolds(s, r))
    : satisfies(attributeValue(s, rule.attribute), rule.constraint);
}

/** Null when a required rule fails; else the summed weight of the optional rules that hold. */
export function scoreSeries(s: SeriesFacts, rules: readonly SeriesRule[]): number | null {
  let score = 0;
  for (const rule of rules) {
    const holds = ruleHolds(s, rule);
    if (rule.required && !holds) return null;
    if (holds) score += rule.weight ?? 1;
  }
  return score;
}

const displayKey = (seriesId: number, d: Display): string =>
  d.kind === 'stack' ? `${seriesId}` : `${seriesId}:${d.plane}`;

/** Higher score; then the newer study, more images, lower series number. */
function better(a: { s: SeriesFacts; score: number }, b: { s: SeriesFacts; score: number }): boolean {
  if (a.score !== b.score) return a.score > b.score;
  const [da, db] = [a.s.studyDate ?? '', b.s.studyDate ?? ''];
  if (da !== db) return da > db;
  if (a.s.imageCount !== b.s.imageCount) return a.s.imageCount > b.s.imageCount;
  const [na, nb] = [a.s.seriesNumber ?? Infinity, b.s.seriesNumber ?? Infinity];
  return na !== nb ? na < nb : a.s.seriesId < b.s.seriesId;
}

/**
 * Fills each viewport of the protocol: the first option with any matching series wins, and within
 * it the best-scoring series not already shown the same way in an earlier viewport (a series is
 * reused only when nothing else matches). Pure: the viewer applies the result.
 */
export function matchProtocol(p: HangingProtocol, series: readonly SeriesFacts[]): ViewportAssignment[] {
  const used = new Set<string>();
  const out: ViewportAssignment[] = [];
  for (const spec of p.viewports.slice(0, viewportCount(p.layout))) {
    let chosen: ViewportAssignment | null = null;
    for (const [optionIndex, option] of spec.options.entries()) {
      let best: { s: SeriesFacts; score: number } | null = null;
      for (const s of series) {
        const score = scoreSeries(s, option.rules);
        if (score === null) continue;
        // A repeat counts as a weaker match than any fresh series.
        const candidate = {
          s,
          score: used.has(displayKey(s.seriesId, option.display)) ? score - 1e6 : score,
        };
        if (!best || better(candidate, best)) best = candidate;
      }
      if (best) {
        chosen = {
          label: spec.label,
          seriesId: best.s.seriesId,
          display: option.display,
          fallback: optionIndex > 0,
        };
        used.add(displayKey(best.s.seriesId, option.display));
        break;
      }
    }
    out.push(
      chosen ?? { label: spec.label, seriesId: null, reason: `No series in this case fits “${spec.label}”.` },
    );
  }
  while (out.length < viewportCount(p.layout))
    out.push({
      label: `Viewport ${out.length + 1}`,
      seriesId: null,
      reason: 'The layout has no rule for this viewport.',
    });
  return out;
}
