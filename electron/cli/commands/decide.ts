import { RECOMMENDATION_CODES } from '../../../shared/conference/recommendations.ts';
import type { DecisionVote, FollowUpAction } from '../../../shared/conference/types.ts';
import { call } from '../call.ts';
import type { Command, Values } from '../command.ts';
import { UsageError, stringOption } from '../command.ts';
import { idOption } from './ids.ts';

const many = (values: Values, name: string): string[] => {
  const v = values[name];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
};

/** "NAME: note" → name and note; the note says why (a dissent without one is refused). */
export function parseDissent(text: string): { name: string; note: string } {
  const at = text.indexOf(':');
  if (at < 1) throw new UsageError(`--dissent wants "NAME: note", got "${text}".`);
  return { name: text.slice(0, at).trim(), note: text.slice(at + 1).trim() };
}

/** "what | owner | YYYY-MM-DD" (owner and date optional). */
function parseAction(text: string): FollowUpAction {
  const [action = '', owner = '', due = ''] = text.split('|').map((s) => s.trim());
  return { action, owner, due: due || null };
}

export const decideCommand: Command = {
  name: 'decide',
  summary:
    "Record the team's decision for a case (marks it decided). With --conference, attendees who do not dissent agree.",
  usage:
    `decide --case ID --recommendation ${RECOMMENDATION_CODES.join('|')} --rationale TEXT ` +
    '[--dissent "NAME: note"]... [--conference ID] [--plan TEXT] [--modification TEXT] ' +
    '[--non-operative CODE]... [--investigation CODE]... [--refer-to TEXT] [--details TEXT] ' +
    '[--action "what | owner | YYYY-MM-DD"]... [--json]',
  options: {
    case: { type: 'string' },
    recommendation: { type: 'string' },
    rationale: { type: 'string' },
    dissent: { type: 'string', multiple: true },
    conference: { type: 'string' },
    plan: { type: 'string' },
    modification: { type: 'string' },
    'non-operative': { type: 'string', multiple: true },
    investigation: { type: 'string', multiple: true },
    'refer-to': { type: 'string' },
    details: { type: 'string' },
    action: { type: 'string', multiple: true },
  },
  needsBackend: true,
  async run({ values, backend, io }) {
    const caseId = idOption(values, 'case', 'decide');
    const recommendation = stringOption(values, 'recommendation');
    const rationale = stringOption(values, 'rationale');
    if (recommendation === undefined || rationale === undefined)
      throw new UsageError('decide needs --recommendation and --rationale.');
    if (!RECOMMENDATION_CODES.includes(recommendation))
      throw new UsageError(
        `Unknown recommendation "${recommendation}". Use one of: ${RECOMMENDATION_CODES.join(', ')}.`,
      );
    const conferenceId =
      values.conference === undefined ? undefined : idOption(values, 'conference', 'decide');
    const attendees = conferenceId ? (await call(backend, 'conference.get', { conferenceId })).attendees : [];
    const dissents = many(values, 'dissent').map(parseDissent);
    for (const d of dissents)
      if (conferenceId && !attendees.some((a) => a.name.toLowerCase() === d.name.toLowerCase()))
        throw new UsageError(`${d.name} is not on the attendee list of conference ${conferenceId}.`);
    const votes: DecisionVote[] = [
      ...attendees.map((a): DecisionVote => {
        const d = dissents.find((x) => x.name.toLowerCase() === a.name.toLowerCase());
        return { name: a.name, discipline: a.discipline, vote: d ? 'dissent' : 'agree', note: d?.note ?? '' };
      }),
      ...(conferenceId
        ? []
        : dissents.map((d): DecisionVote => ({
            name: d.name,
            discipline: 'other',
            vote: 'dissent',
            note: d.note,
          }))),
    ];
    const decision = await call(backend, 'decision.record', {
      caseId,
      ...(conferenceId ? { conferenceId } : {}),
      recommendation,
      rationale,
      plannedProcedure: stringOption(values, 'plan') ?? '',
      modification: stringOption(values, 'modification') ?? '',
      nonOperativePlan: many(values, 'non-operative'),
      investigations: many(values, 'investigation'),
      referTo: stringOption(values, 'refer-to') ?? '',
      details: stringOption(values, 'details') ?? '',
      votes,
      actions: many(values, 'action').map(parseAction),
    });
    io.out(
      io.json
        ? JSON.stringify(decision, null, 2)
        : `Case ${caseId} decided: ${recommendation} (decision ${decision.id}, ${votes.filter((v) => v.vote === 'dissent').length} dissent).`,
    );
  },
};
