import { call } from '../call.ts';
import type { Command } from '../command.ts';
import { UsageError, stringOption } from '../command.ts';

export const createCaseCommand: Command = {
  name: 'create-case',
  summary: 'Create a case, optionally for a patient (by MRN).',
  usage: 'create-case --title TITLE [--mrn MRN] [--patient-name "FAMILY^GIVEN"] [--question TEXT] [--json]',
  options: {
    title: { type: 'string' },
    mrn: { type: 'string' },
    'patient-name': { type: 'string' },
    question: { type: 'string' },
  },
  needsBackend: true,
  async run({ values, backend, io }) {
    const title = stringOption(values, 'title');
    if (title === undefined) throw new UsageError('create-case needs --title.');
    const mrn = stringOption(values, 'mrn');
    const name = stringOption(values, 'patient-name');
    if (name !== undefined && mrn === undefined) throw new UsageError('--patient-name needs --mrn.');
    const question = stringOption(values, 'question');
    const created = await call(backend, 'cases.create', {
      title,
      ...(question !== undefined ? { clinicalQuestion: question } : {}),
      ...(mrn !== undefined ? { patient: { mrn, ...(name !== undefined ? { name } : {}) } } : {}),
    });
    io.out(io.json ? JSON.stringify(created, null, 2) : `Created case ${created.id}: ${created.title}`);
  },
};
