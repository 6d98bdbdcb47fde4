import { call } from '../call.ts';
import type { Command } from '../command.ts';
import { UsageError, stringOption } from '../command.ts';

export const conferenceCreateCommand: Command = {
  name: 'conference-create',
  summary: 'Create a spine conference (date, title, location).',
  usage: 'conference-create --title T --date YYYY-MM-DD [--location L] [--json]',
  options: { title: { type: 'string' }, date: { type: 'string' }, location: { type: 'string' } },
  needsBackend: true,
  async run({ values, backend, io }) {
    const title = stringOption(values, 'title');
    const date = stringOption(values, 'date');
    if (title === undefined || date === undefined)
      throw new UsageError('conference-create needs --title and --date.');
    const location = stringOption(values, 'location');
    const c = await call(backend, 'conference.create', {
      title,
      date,
      ...(location !== undefined ? { location } : {}),
    });
    io.out(io.json ? JSON.stringify(c, null, 2) : `Created conference ${c.id}: ${c.title} on ${c.date}`);
  },
};
