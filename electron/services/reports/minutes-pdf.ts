import { listAgenda } from '../../../db/agenda-items.ts';
import type { PaperSize } from '../../../shared/contract/conference-schemas.ts';
import type { RenderedPdf } from './agenda-pdf.ts';
import { conferenceHeading, writeAttendees } from './agenda-pdf.ts';
import { caseMaterial } from './case-material.ts';
import { identityLine, writeDecision, writeSummary } from './case-sections.ts';
import { ReportWriter } from './pdf-writer.ts';
import type { ReportContext } from './report-context.ts';

/** The record of the meeting: who was there, and per case its summary, decision, dissent and actions. */
export async function renderMinutesPdf(
  ctx: ReportContext,
  conferenceId: number,
  paper: PaperSize = 'A4',
): Promise<RenderedPdf> {
  const { conference, subtitle } = conferenceHeading(ctx, conferenceId);
  const w = new ReportWriter(paper, `Minutes — ${conference.title}`);
  w.title(`Minutes — ${conference.title}`, subtitle);
  writeAttendees(w, ctx, conferenceId);
  const agenda = listAgenda(ctx.db, conferenceId);
  if (!agenda.length) w.paragraph('No cases were on the agenda.', { muted: true });
  agenda.forEach((a, i) => {
    const m = caseMaterial(ctx, a.caseId);
    w.heading(`${i + 1}. ${a.title}`);
    w.paragraph(identityLine(m.summary, true), { muted: true });
    writeSummary(w, m.summary);
    w.heading('Decision', 2);
    writeDecision(w, m.decision);
  });
  return w.finish();
}
