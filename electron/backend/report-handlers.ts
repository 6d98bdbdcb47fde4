import { listAgenda } from '../../db/agenda-items.ts';
import { writeAudit } from '../../db/audit.ts';
import type { PdfFile } from '../../shared/contract/conference-schemas.ts';
import { renderAgendaPdf, renderCaseReport, renderMinutesPdf } from '../services/reports/index.ts';
import type { RenderedPdf } from '../services/reports/index.ts';
import { conferenceOrThrow } from './conference-handlers.ts';
import type { BackendContext } from './context.ts';
import { requireUser } from './context.ts';
import type { HandlerMap } from './handler.ts';

/** Patient data leaves the app in a PDF: every case in it gets an audit row naming who made it. */
function exported(
  ctx: BackendContext,
  action: string,
  caseIds: readonly number[],
  detail: Record<string, unknown>,
  name: string,
  pdf: RenderedPdf,
): PdfFile {
  const user = requireUser(ctx);
  const at = ctx.now();
  ctx.db.transaction(() => {
    for (const caseId of caseIds) writeAudit(ctx.db, { at, userId: user.id, action, caseId, detail });
    if (!caseIds.length) writeAudit(ctx.db, { at, userId: user.id, action, caseId: null, detail });
  })();
  return { name, base64: Buffer.from(pdf.bytes).toString('base64'), pages: pdf.pages };
}

const caseIdsOf = (ctx: BackendContext, conferenceId: number): number[] =>
  listAgenda(ctx.db, conferenceId).map((a) => a.caseId);

export const reportHandlers = {
  'report.agendaPdf': async (ctx, input) => {
    const c = conferenceOrThrow(ctx, input.conferenceId);
    const pdf = await renderAgendaPdf(ctx, c.id, input.paper);
    return exported(
      ctx,
      'report.agenda',
      caseIdsOf(ctx, c.id),
      { conferenceId: c.id, paper: input.paper },
      `agenda-${c.date}-conference-${c.id}.pdf`,
      pdf,
    );
  },
  'report.minutesPdf': async (ctx, input) => {
    const c = conferenceOrThrow(ctx, input.conferenceId);
    const pdf = await renderMinutesPdf(ctx, c.id, input.paper);
    return exported(
      ctx,
      'report.minutes',
      caseIdsOf(ctx, c.id),
      { conferenceId: c.id, paper: input.paper },
      `minutes-${c.date}-conference-${c.id}.pdf`,
      pdf,
    );
  },
  'report.casePdf': async (ctx, input) => {
    const pdf = await renderCaseReport(ctx, input.caseId, input.paper);
    return exported(
      ctx,
      'report.case',
      [input.caseId],
      { paper: input.paper },
      `case-${input.caseId}-report.pdf`,
      pdf,
    );
  },
} satisfies Partial<HandlerMap>;
