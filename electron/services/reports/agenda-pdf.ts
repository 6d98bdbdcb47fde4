import { listAgenda } from '../../../db/agenda-items.ts';
import { listAttendees } from '../../../db/conference-attendees.ts';
import { findConference } from '../../../db/conferences.ts';
import { ATTENDEE_ROLE_LABELS } from '../../../shared/conference/types.ts';
import type { PaperSize } from '../../../shared/contract/conference-schemas.ts';
import { AppError } from '../../../shared/contract/result.ts';
import { DISCIPLINE_LABELS } from '../../../shared/domain/user.ts';
import { caseMaterial } from './case-material.ts';
import { identityLine } from './case-sections.ts';
import { ReportWriter } from './pdf-writer.ts';
import type { ReportContext } from './report-context.ts';

export interface RenderedPdf {
  bytes: Uint8Array;
  pages: number;
}

export function conferenceHeading(ctx: ReportContext, conferenceId: number) {
  const conference = findConference(ctx.db, conferenceId);
  if (!conference) throw new AppError('NOT_FOUND', `Conference ${conferenceId} does not exist.`);
  const subtitle = [conference.date, conference.location].filter(Boolean).join(' · ');
  return { conference, subtitle };
}

export function writeAttendees(w: ReportWriter, ctx: ReportContext, conferenceId: number): void {
  const attendees = listAttendees(ctx.db, conferenceId);
  w.heading('Attendees');
  if (!attendees.length) w.paragraph('No attendees listed.', { muted: true });
  w.bullets(
    attendees.map(
      (a) =>
        `${a.name} — ${DISCIPLINE_LABELS[a.discipline]}${a.role === 'member' ? '' : ` (${ATTENDEE_ROLE_LABELS[a.role]})`}`,
    ),
  );
}

/** The agenda to circulate before the meeting: attendees, then each case with its question. */
export async function renderAgendaPdf(
  ctx: ReportContext,
  conferenceId: number,
  paper: PaperSize = 'A4',
): Promise<RenderedPdf> {
  const { conference, subtitle } = conferenceHeading(ctx, conferenceId);
  const w = new ReportWriter(paper, `Agenda — ${conference.title}`);
  w.title(`Agenda — ${conference.title}`, subtitle);
  writeAttendees(w, ctx, conferenceId);
  w.heading('Cases');
  const agenda = listAgenda(ctx.db, conferenceId);
  if (!agenda.length) w.paragraph('No cases on the agenda yet.', { muted: true });
  agenda.forEach((a, i) => {
    const m = caseMaterial(ctx, a.caseId);
    w.heading(`${i + 1}. ${a.title}`, 2);
    w.paragraph(identityLine(m.summary, true), { muted: true });
    w.line('Question for the team', m.summary.question || 'not given');
  });
  return w.finish();
}
