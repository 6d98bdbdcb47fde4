import type { CaseStatus } from '../domain/case.ts';
import type { Discipline } from '../domain/user.ts';

/** Who runs the meeting: the chair keeps time and signs the minutes, presenters bring cases. */
export const ATTENDEE_ROLES = ['chair', 'presenter', 'member'] as const;
export type AttendeeRole = (typeof ATTENDEE_ROLES)[number];

export const ATTENDEE_ROLE_LABELS: Record<AttendeeRole, string> = {
  chair: 'Chair',
  presenter: 'Presenter',
  member: 'Member',
};

export interface Conference {
  id: number;
  title: string;
  /** YYYY-MM-DD */
  date: string;
  location: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface ConferenceSummary extends Conference {
  caseCount: number;
  attendeeCount: number;
}

export interface Attendee {
  id: number;
  conferenceId: number;
  name: string;
  discipline: Discipline;
  role: AttendeeRole;
  position: number;
}

export interface AgendaCase {
  caseId: number;
  position: number;
  title: string;
  status: CaseStatus;
  mrn: string | null;
  patientName: string | null;
}

export const VOTES = ['agree', 'dissent', 'abstain'] as const;
export type Vote = (typeof VOTES)[number];
export const VOTE_LABELS: Record<Vote, string> = {
  agree: 'Agrees',
  dissent: 'Dissents',
  abstain: 'Abstains',
};

/** An attendee's position on the decision, kept with the name as it was in the room. */
export interface DecisionVote {
  name: string;
  discipline: Discipline;
  vote: Vote;
  note: string;
}

export interface FollowUpAction {
  action: string;
  owner: string;
  /** YYYY-MM-DD or null */
  due: string | null;
}

/** What the decision says beyond its code; the same texts as the evaluation's decision section. */
export interface DecisionPlan {
  plannedProcedure: string;
  modification: string;
  nonOperativePlan: string[];
  investigations: string[];
  referTo: string;
  details: string;
}

export interface DecisionRecord extends DecisionPlan {
  id: number;
  caseId: number;
  conferenceId: number | null;
  recommendation: string;
  rationale: string;
  votes: DecisionVote[];
  actions: FollowUpAction[];
  evaluationVersion: number;
  decidedBy: string;
  decidedAt: string;
}
