import type { AuditEntry } from '../../shared/domain/audit.ts';
import { recommendationLabel } from '../../shared/conference/recommendations.ts';

const LABELS: Record<string, string> = {
  'conference.addCase': 'Put the case on a conference agenda',
  'conference.removeCase': 'Took the case off a conference agenda',
  'report.agenda': 'Printed a conference agenda with the case',
  'report.minutes': 'Printed conference minutes with the case',
  'report.case': 'Printed the case report',
};

function detailOf(e: AuditEntry): Record<string, unknown> {
  try {
    const d: unknown = JSON.parse(e.detail);
    return typeof d === 'object' && d !== null ? (d as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The case history's words for conference actions; null for actions this module does not know. */
export function conferenceAuditLabel(e: AuditEntry): string | null {
  if (e.action === 'decision.record') {
    const d = detailOf(e);
    const now = typeof d.recommendation === 'string' ? recommendationLabel(d.recommendation) : 'a decision';
    const before =
      typeof d.previousRecommendation === 'string'
        ? ` (replacing ${recommendationLabel(d.previousRecommendation)})`
        : '';
    const dissents = typeof d.dissents === 'number' && d.dissents > 0 ? `, ${d.dissents} dissenting` : '';
    return `Recorded the decision: ${now}${before}${dissents}`;
  }
  return LABELS[e.action] ?? null;
}
