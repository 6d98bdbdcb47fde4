import { z } from 'zod';
import type { CaseStatus } from '../domain/case.ts';
import { isCalendarDate } from '../domain/dates.ts';
import { disciplineSchema, userNameSchema } from '../domain/user.ts';
import type { CaseSummary } from '../conference/case-summary.ts';
import type { CaseReadiness } from '../conference/readiness.ts';
import {
  INVESTIGATION_OPTIONS,
  NON_OPERATIVE_OPTIONS,
  isRecommendation,
} from '../conference/recommendations.ts';
import type {
  AgendaCase,
  Attendee,
  Conference,
  ConferenceSummary,
  DecisionRecord,
} from '../conference/types.ts';
import { ATTENDEE_ROLES, VOTES } from '../conference/types.ts';
import type { KeyImage } from '../viewer/viewer-types.ts';
import { idSchema } from './schemas.ts';

/** Inputs and outputs of the conference.*, decision.* and report.* methods. */

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use the date format YYYY-MM-DD.')
  .refine(isCalendarDate, 'Not a valid calendar date.');

const conferenceTitle = z
  .string()
  .trim()
  .min(3, 'Enter a conference title (at least 3 characters).')
  .max(200, 'Title is too long (at most 200 characters).');
const location = z.string().trim().max(200, 'Location is too long (at most 200 characters).');

export const conferenceIdInputSchema = z.object({ conferenceId: idSchema });

export const createConferenceInputSchema = z.object({
  title: conferenceTitle,
  date: isoDate,
  location: location.optional(),
});

export const updateConferenceInputSchema = z.object({
  conferenceId: idSchema,
  title: conferenceTitle.optional(),
  date: isoDate.optional(),
  location: location.optional(),
});

export const addAttendeeInputSchema = z.object({
  conferenceId: idSchema,
  name: userNameSchema,
  discipline: disciplineSchema,
  role: z.enum(ATTENDEE_ROLES).optional(),
});

export const attendeeIdInputSchema = z.object({ attendeeId: idSchema });

export const agendaCaseInputSchema = z.object({ conferenceId: idSchema, caseId: idSchema });

export const reorderAgendaInputSchema = z.object({
  conferenceId: idSchema,
  caseIds: z.array(idSchema).max(500),
});

const codesOf = (options: readonly { code: string }[]) =>
  z.array(z.enum(options.map((o) => o.code) as [string, ...string[]])).max(20);

const longText = (max: number) => z.string().trim().max(max, `Too long (at most ${max} characters).`);

export const voteSchema = z.object({
  name: userNameSchema,
  discipline: disciplineSchema,
  vote: z.enum(VOTES),
  note: longText(2000).default(''),
});

export const followUpActionSchema = z.object({
  action: z.string().trim().min(1, 'Describe the action.').max(500),
  owner: longText(200).default(''),
  due: isoDate.nullable().default(null),
});

export const recordDecisionInputSchema = z
  .object({
    caseId: idSchema,
    conferenceId: idSchema.optional(),
    recommendation: z.string().refine(isRecommendation, 'Choose one of the recommendations.'),
    plannedProcedure: longText(4000).default(''),
    modification: longText(4000).default(''),
    nonOperativePlan: codesOf(NON_OPERATIVE_OPTIONS).default([]),
    investigations: codesOf(INVESTIGATION_OPTIONS).default([]),
    referTo: longText(300).default(''),
    details: longText(4000).default(''),
    rationale: z.string().trim().min(3, 'Give the rationale (at least 3 characters).').max(8000),
    votes: z.array(voteSchema).max(100).default([]),
    actions: z.array(followUpActionSchema).max(50).default([]),
  })
  .refine((d) => d.votes.every((v) => v.vote !== 'dissent' || v.note.length > 0), {
    message: 'A dissent needs a note saying why.',
    path: ['votes'],
  });
export type RecordDecisionInput = z.infer<typeof recordDecisionInputSchema>;

export const decisionCaseInputSchema = z.object({ caseId: idSchema });

export const PAPER_SIZES = ['A4', 'Letter'] as const;
export const paperSchema = z.enum(PAPER_SIZES).default('A4');
export type PaperSize = (typeof PAPER_SIZES)[number];

export const conferencePdfInputSchema = z.object({ conferenceId: idSchema, paper: paperSchema });
export const casePdfInputSchema = z.object({ caseId: idSchema, paper: paperSchema });

export interface AgendaEntry extends AgendaCase {
  readiness: CaseReadiness;
}

export interface ConferenceDetail {
  conference: Conference;
  attendees: Attendee[];
  agenda: AgendaEntry[];
}

export interface PresentationItem {
  caseId: number;
  title: string;
  status: CaseStatus;
  summary: CaseSummary;
  keyImages: KeyImage[];
  decision: DecisionRecord | null;
}

export interface Presentation {
  conference: Conference;
  attendees: Attendee[];
  items: PresentationItem[];
}

/** A generated PDF crossing the boundary; the renderer offers it as a download. */
export interface PdfFile {
  name: string;
  base64: string;
  pages: number;
}

const spec =
  <O>() =>
  <I extends z.ZodType>(input: I, needsUser: boolean): { input: I; output?: O; needsUser: boolean } => ({
    input,
    needsUser,
  });

/** Spread in `methods` (shared/contract/methods.ts). */
export const conferenceMethods = {
  'conference.list': spec<ConferenceSummary[]>()(z.object({}).strict(), false),
  'conference.get': spec<ConferenceDetail>()(conferenceIdInputSchema, false),
  'conference.create': spec<Conference>()(createConferenceInputSchema, true),
  'conference.update': spec<Conference>()(updateConferenceInputSchema, true),
  'conference.addAttendee': spec<Attendee[]>()(addAttendeeInputSchema, true),
  'conference.removeAttendee': spec<Attendee[]>()(attendeeIdInputSchema, true),
  'conference.addCase': spec<AgendaEntry[]>()(agendaCaseInputSchema, true),
  'conference.removeCase': spec<AgendaEntry[]>()(agendaCaseInputSchema, true),
  'conference.reorderAgenda': spec<AgendaEntry[]>()(reorderAgendaInputSchema, true),
  'conference.presentation': spec<Presentation>()(conferenceIdInputSchema, false),
  'decision.record': spec<DecisionRecord>()(recordDecisionInputSchema, true),
  'decision.current': spec<DecisionRecord | null>()(decisionCaseInputSchema, false),
  'decision.history': spec<DecisionRecord[]>()(decisionCaseInputSchema, false),
  'report.agendaPdf': spec<PdfFile>()(conferencePdfInputSchema, true),
  'report.minutesPdf': spec<PdfFile>()(conferencePdfInputSchema, true),
  'report.casePdf': spec<PdfFile>()(casePdfInputSchema, true),
} as const;
