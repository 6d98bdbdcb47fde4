import { call } from '../call.ts';
import type { Command } from '../command.ts';
import { idOption } from './ids.ts';
import { PDF_OPTIONS, outOption, paperOption, writePdf } from './pdf-out.ts';

export const minutesCommand: Command = {
  name: 'minutes',
  summary: 'Write the minutes of a conference as PDF (attendees, summaries, decisions, dissent, actions).',
  usage: 'minutes --conference ID --out FILE.pdf [--paper A4|Letter] [--json]',
  options: { conference: { type: 'string' }, ...PDF_OPTIONS },
  needsBackend: true,
  async run({ values, backend, io }) {
    const conferenceId = idOption(values, 'conference', 'minutes');
    const out = outOption(values, 'minutes');
    writePdf(out, await call(backend, 'report.minutesPdf', { conferenceId, paper: paperOption(values) }), io);
  },
};

export const agendaCommand: Command = {
  name: 'agenda',
  summary: 'Write the agenda of a conference as PDF, to circulate before the meeting.',
  usage: 'agenda --conference ID --out FILE.pdf [--paper A4|Letter] [--json]',
  options: { conference: { type: 'string' }, ...PDF_OPTIONS },
  needsBackend: true,
  async run({ values, backend, io }) {
    const conferenceId = idOption(values, 'conference', 'agenda');
    const out = outOption(values, 'agenda');
    writePdf(out, await call(backend, 'report.agendaPdf', { conferenceId, paper: paperOption(values) }), io);
  },
};
