import type { RecordDecisionInput } from '../../../shared/contract/conference-schemas.ts';
import type {
  Attendee,
  DecisionPlan,
  DecisionRecord,
  DecisionVote,
  FollowUpAction,
} from '../../../shared/conference/types.ts';

/** The decision being written during the meeting (strings as typed). */
export interface DecisionDraft extends DecisionPlan {
  recommendation: string;
  rationale: string;
  votes: DecisionVote[];
  actions: { key: string; action: string; owner: string; due: string }[];
}

/** Everyone in the room agrees until they say otherwise; the previous decision fills the rest. */
export function initialDraft(attendees: readonly Attendee[], previous: DecisionRecord | null): DecisionDraft {
  const votes = attendees.map((a): DecisionVote => {
    const before = previous?.votes.find((v) => v.name === a.name);
    return {
      name: a.name,
      discipline: a.discipline,
      vote: before?.vote ?? 'agree',
      note: before?.note ?? '',
    };
  });
  return {
    recommendation: previous?.recommendation ?? '',
    plannedProcedure: previous?.plannedProcedure ?? '',
    modification: previous?.modification ?? '',
    nonOperativePlan: previous?.nonOperativePlan ?? [],
    investigations: previous?.investigations ?? [],
    referTo: previous?.referTo ?? '',
    details: previous?.details ?? '',
    rationale: previous?.rationale ?? '',
    votes,
    actions: (previous?.actions ?? []).map((a, i) => ({
      key: `a${i}`,
      action: a.action,
      owner: a.owner,
      due: a.due ?? '',
    })),
  };
}

/** What the form sends: only the texts that belong to the chosen recommendation. */
export function draftToInput(d: DecisionDraft, caseId: number, conferenceId: number): RecordDecisionInput {
  const r = d.recommendation;
  const has = (...codes: string[]): boolean => codes.includes(r);
  return {
    caseId,
    conferenceId,
    recommendation: r,
    plannedProcedure: has('proceed', 'modified') ? d.plannedProcedure : '',
    modification: has('modified') ? d.modification : '',
    nonOperativePlan: has('nonOperative') ? d.nonOperativePlan : [],
    investigations: has('investigate') ? d.investigations : [],
    referTo: has('refer', 'secondOpinion', 'trial') ? d.referTo : '',
    details: has('nonOperative', 'investigate', 'trial') ? d.details : '',
    rationale: d.rationale,
    votes: d.votes,
    actions: d.actions
      .filter((a) => a.action.trim() !== '')
      .map((a): FollowUpAction => ({ action: a.action, owner: a.owner, due: a.due || null })),
  };
}
