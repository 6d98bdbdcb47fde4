import { call } from '../call.ts';
import type { Command } from '../command.ts';
import { idOption } from './ids.ts';

export const conferenceAddCommand: Command = {
  name: 'conference-add',
  summary: "Add a case at the end of a conference's agenda.",
  usage: 'conference-add --conference ID --case ID [--json]',
  options: { conference: { type: 'string' }, case: { type: 'string' } },
  needsBackend: true,
  async run({ values, backend, io }) {
    const conferenceId = idOption(values, 'conference', 'conference-add');
    const caseId = idOption(values, 'case', 'conference-add');
    const agenda = await call(backend, 'conference.addCase', { conferenceId, caseId });
    io.out(
      io.json
        ? JSON.stringify(agenda, null, 2)
        : `Case ${caseId} is item ${agenda.findIndex((a) => a.caseId === caseId) + 1} of ${agenda.length} on conference ${conferenceId}.`,
    );
  },
};
