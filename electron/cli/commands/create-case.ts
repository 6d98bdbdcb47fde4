import type { PatientDetailsChoice } from '../../../shared/domain/patient-details.ts';
import { PATIENT_DETAILS_CHOICES } from '../../../shared/domain/patient-details.ts';
import { call } from '../call.ts';
import type { Command } from '../command.ts';
import { UsageError, stringOption } from '../command.ts';

export const createCaseCommand: Command = {
  name: 'create-case',
  summary: 'Create a case, optionally for a patient (by MRN).',
  usage:
    'create-case --title TITLE [--mrn MRN] [--patient-name "FAMILY^GIVEN"] [--patient-details keep-recorded|use-entered] [--question TEXT] [--json]',
  options: {
    title: { type: 'string' },
    mrn: { type: 'string' },
    'patient-name': { type: 'string' },
    /** When the MRN's patient on record has another name: keep it, or replace it (audited). */
    'patient-details': { type: 'string' },
    question: { type: 'string' },
  },
  needsBackend: true,
  async run({ values, backend, io }) {
    const title = stringOption(values, 'title');
    if (title === undefined) throw new UsageError('create-case needs --title.');
    const mrn = stringOption(values, 'mrn');
    const name = stringOption(values, 'patient-name');
    if (name !== undefined && mrn === undefined) throw new UsageError('--patient-name needs --mrn.');
    const choice = stringOption(values, 'patient-details');
    if (choice !== undefined && !(PATIENT_DETAILS_CHOICES as readonly string[]).includes(choice))
      throw new UsageError('--patient-details is keep-recorded or use-entered.');
    const question = stringOption(values, 'question');
    const created = await call(backend, 'cases.create', {
      title,
      ...(question !== undefined ? { clinicalQuestion: question } : {}),
      ...(mrn !== undefined ? { patient: { mrn, ...(name !== undefined ? { name } : {}) } } : {}),
      ...(choice !== undefined ? { patientDetails: choice as PatientDetailsChoice } : {}),
    });
    io.out(io.json ? JSON.stringify(created, null, 2) : `Created case ${created.id}: ${created.title}`);
  },
};
