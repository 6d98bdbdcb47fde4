import type { CaseSummary } from '../../../shared/conference/case-summary.ts';
import {
  INVESTIGATION_OPTIONS,
  NON_OPERATIVE_OPTIONS,
  optionLabel,
  recommendationLabel,
} from '../../../shared/conference/recommendations.ts';
import type { DecisionRecord } from '../../../shared/conference/types.ts';
import { VOTE_LABELS } from '../../../shared/conference/types.ts';
import { DISCIPLINE_LABELS } from '../../../shared/domain/user.ts';
import type { ReportWriter } from './pdf-writer.ts';

/** "Jane Doe · MRN 123 · 67 years, female" (identifiers only where the report may show them). */
export function identityLine(summary: CaseSummary, showIdentifiers: boolean): string {
  const ids = showIdentifiers
    ? [summary.patientName ?? '', summary.mrn ? `MRN ${summary.mrn}` : ''].filter(Boolean)
    : [];
  return [...ids, summary.ageSex].join(' · ');
}

export function writeSummary(w: ReportWriter, summary: CaseSummary): void {
  for (const l of summary.lines) w.line(l.label, l.text);
  if (summary.urgent.length) w.line('Urgent', summary.urgent.join('; '));
  for (const g of summary.flagGroups)
    w.line(
      `Discussion flags — ${g.label.toLowerCase()}`,
      g.flags.map((f) => `${f.label} (${f.detail})`).join('; '),
    );
  if (!summary.flagGroups.length) w.line('Discussion flags', 'none raised by the form');
  w.line('Question for the team', summary.question || 'not given');
}

function planLines(d: DecisionRecord): [string, string][] {
  const list = (codes: readonly string[], options: typeof NON_OPERATIVE_OPTIONS): string =>
    codes.map((c) => optionLabel(options, c)).join('; ');
  const lines: [string, string][] = [
    ['Planned procedure', d.plannedProcedure],
    ['Modification', d.modification],
    ['Non-operative care', list(d.nonOperativePlan, NON_OPERATIVE_OPTIONS)],
    ['Investigations', list(d.investigations, INVESTIGATION_OPTIONS)],
    ['Refer to', d.referTo],
    ['Details', d.details],
  ];
  return lines.filter(([, text]) => text.trim() !== '');
}

export function writeDecision(w: ReportWriter, d: DecisionRecord | null): void {
  if (!d) {
    w.paragraph('No decision recorded.', { muted: true });
    return;
  }
  w.line('Recommendation', recommendationLabel(d.recommendation));
  for (const [label, text] of planLines(d)) w.line(label, text);
  w.line('Rationale', d.rationale);
  const agree = d.votes.filter((v) => v.vote === 'agree');
  const others = d.votes.filter((v) => v.vote !== 'agree');
  if (agree.length) w.line('Agreed', agree.map((v) => `${v.name}${v.note ? ` (${v.note})` : ''}`).join('; '));
  for (const v of others)
    w.line(`${VOTE_LABELS[v.vote]} — ${v.name}, ${DISCIPLINE_LABELS[v.discipline]}`, v.note || 'no note');
  if (!d.votes.length) w.line('Votes', 'not recorded');
  if (d.actions.length) {
    w.paragraph('Follow-up actions', { bold: true });
    w.bullets(
      d.actions.map((a) => `${a.action} — owner: ${a.owner || 'not named'}; due: ${a.due ?? 'no date'}`),
    );
  }
  w.paragraph(`Recorded by ${d.decidedBy} on ${d.decidedAt.slice(0, 16).replace('T', ' ')} UTC.`, {
    muted: true,
  });
}
