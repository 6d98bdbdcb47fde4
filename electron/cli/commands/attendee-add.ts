import { ATTENDEE_ROLES } from '../../../shared/conference/types.ts';
import { DISCIPLINES } from '../../../shared/domain/user.ts';
import { call } from '../call.ts';
import type { Command } from '../command.ts';
import { UsageError, stringOption } from '../command.ts';
import { idOption } from './ids.ts';

const oneOf = <T extends string>(
  list: readonly T[],
  value: string | undefined,
  flag: string,
): T | undefined => {
  if (value === undefined) return undefined;
  const found = list.find((x) => x === value);
  if (!found) throw new UsageError(`Unknown ${flag} "${value}". Use one of: ${list.join(', ')}.`);
  return found;
};

export const attendeeAddCommand: Command = {
  name: 'attendee-add',
  summary: 'Add an attendee with their discipline (and role) to a conference.',
  usage: `attendee-add --conference ID --name N --discipline D [--role ${ATTENDEE_ROLES.join('|')}] [--json]`,
  options: {
    conference: { type: 'string' },
    name: { type: 'string' },
    discipline: { type: 'string' },
    role: { type: 'string' },
  },
  needsBackend: true,
  async run({ values, backend, io }) {
    const conferenceId = idOption(values, 'conference', 'attendee-add');
    const name = stringOption(values, 'name');
    if (name === undefined) throw new UsageError('attendee-add needs --name.');
    const discipline = oneOf(DISCIPLINES, stringOption(values, 'discipline'), 'discipline');
    if (discipline === undefined)
      throw new UsageError(`attendee-add needs --discipline (${DISCIPLINES.join(', ')}).`);
    const role = oneOf(ATTENDEE_ROLES, stringOption(values, 'role'), 'role');
    const attendees = await call(backend, 'conference.addAttendee', {
      conferenceId,
      name,
      discipline,
      ...(role ? { role } : {}),
    });
    io.out(io.json ? JSON.stringify(attendees, null, 2) : `${name} added; ${attendees.length} attendees.`);
  },
};
