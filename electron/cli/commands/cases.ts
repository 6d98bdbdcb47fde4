import { CASE_STATUSES, caseStatusSchema } from '../../../shared/domain/case.ts';
import { call } from '../call.ts';
import type { Command } from '../command.ts';
import { UsageError, stringOption } from '../command.ts';

export const casesCommand: Command = {
  name: 'cases',
  summary: 'List cases (newest first).',
  usage: `cases [--search TEXT] [--status ${CASE_STATUSES.join('|')}] [--all] [--json]`,
  options: {
    search: { type: 'string' },
    status: { type: 'string' },
    all: { type: 'boolean' },
  },
  needsBackend: true,
  async run({ values, backend, io }) {
    const status = stringOption(values, 'status');
    const parsedStatus = status === undefined ? undefined : caseStatusSchema.safeParse(status);
    if (parsedStatus && !parsedStatus.success)
      throw new UsageError(`Unknown status "${status}"; use one of ${CASE_STATUSES.join(', ')}.`);
    const search = stringOption(values, 'search');
    const cases = await call(backend, 'cases.list', {
      ...(search !== undefined ? { query: search } : {}),
      ...(parsedStatus?.data ? { status: parsedStatus.data } : {}),
      includeArchived: values.all === true,
    });
    if (io.json) return io.out(JSON.stringify(cases, null, 2));
    if (!cases.length) return io.out('No cases.');
    for (const c of cases)
      io.out(`${String(c.id).padStart(5)}  ${c.status.padEnd(9)}  ${c.mrn ?? '-'}  ${c.title}`);
  },
};
