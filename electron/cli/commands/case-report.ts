import { call } from '../call.ts';
import type { Command } from '../command.ts';
import { idOption } from './ids.ts';
import { PDF_OPTIONS, outOption, paperOption, writePdf } from './pdf-out.ts';

export const caseReportCommand: Command = {
  name: 'case-report',
  summary: 'Write the report of one case as PDF (summary, flags, key images, measurements, decision).',
  usage: 'case-report --case ID --out FILE.pdf [--paper A4|Letter] [--json]',
  options: { case: { type: 'string' }, ...PDF_OPTIONS },
  needsBackend: true,
  async run({ values, backend, io }) {
    const caseId = idOption(values, 'case', 'case-report');
    const out = outOption(values, 'case-report');
    writePdf(out, await call(backend, 'report.casePdf', { caseId, paper: paperOption(values) }), io);
  },
};
