import { keyImagePng } from '../../../db/key-images.ts';
import type { PaperSize } from '../../../shared/contract/conference-schemas.ts';
import type { RenderedPdf } from './agenda-pdf.ts';
import { caseMaterial } from './case-material.ts';
import { identityLine, writeDecision, writeSummary } from './case-sections.ts';
import { ReportWriter } from './pdf-writer.ts';
import type { ReportContext } from './report-context.ts';

/** Internal rendering with the page count; see renderCaseReportPdf for the archive's entry. */
export async function renderCaseReport(
  ctx: ReportContext,
  caseId: number,
  paper: PaperSize = 'A4',
): Promise<RenderedPdf> {
  const m = caseMaterial(ctx, caseId);
  const w = new ReportWriter(paper, `Case report — ${m.record.title}`);
  w.title(`Case report — ${m.record.title}`, `Case ${m.record.id} · ${identityLine(m.summary, true)}`);
  w.heading('Summary');
  writeSummary(w, m.summary);
  w.heading('Measurements');
  if (!m.measurements.length) w.paragraph('No measurements recorded.', { muted: true });
  for (const x of m.measurements) w.line(x.label, `${x.value} (${x.source})`);
  w.heading('Key images');
  const shown = m.keyImages.flatMap((k) => {
    const png = k.hasPng ? keyImagePng(ctx.db, k.id) : null;
    return png ? [{ k, png }] : [];
  });
  if (!shown.length) w.paragraph('No key images saved.', { muted: true });
  for (const { k, png } of shown)
    w.image(
      png,
      [k.caption || 'No caption', k.seriesDescription, k.modality].filter(Boolean).join(' — '),
      300,
    );
  w.heading('Decision');
  writeDecision(w, m.decision);
  return w.finish();
}

/** The case report as PDF bytes: what the archive (PACS) sends and the CLI writes. */
export async function renderCaseReportPdf(
  ctx: ReportContext,
  caseId: number,
  paper: PaperSize = 'A4',
): Promise<Uint8Array> {
  return (await renderCaseReport(ctx, caseId, paper)).bytes;
}
