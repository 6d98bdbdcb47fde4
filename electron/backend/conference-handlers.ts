import { writeAudit } from '../../db/audit.ts';
import {
  deleteAgendaItem,
  hasAgendaCase,
  insertAgendaItem,
  listAgenda,
  reorderAgenda,
} from '../../db/agenda-items.ts';
import {
  deleteAttendee,
  findAttendee,
  findAttendeeByName,
  insertAttendee,
  listAttendees,
} from '../../db/conference-attendees.ts';
import {
  findConference,
  insertConference,
  listConferences,
  touchConference,
  updateConferenceRow,
} from '../../db/conferences.ts';
import type { Conference } from '../../shared/conference/types.ts';
import type { AgendaEntry } from '../../shared/contract/conference-schemas.ts';
import { AppError } from '../../shared/contract/result.ts';
import { caseMaterial, readinessOf } from '../services/reports/case-material.ts';
import { caseOrThrow } from '../services/reports/report-context.ts';
import type { BackendContext } from './context.ts';
import { requireUser } from './context.ts';
import type { HandlerMap } from './handler.ts';

export function conferenceOrThrow(ctx: BackendContext, id: number): Conference {
  const c = findConference(ctx.db, id);
  if (!c) throw new AppError('NOT_FOUND', `Conference ${id} does not exist.`);
  return c;
}

const agendaOf = (ctx: BackendContext, conferenceId: number): AgendaEntry[] =>
  listAgenda(ctx.db, conferenceId).map((a) => ({ ...a, readiness: readinessOf(ctx, a.caseId) }));

/**
 * Runs a change of a conference with its audit row in one transaction. Agenda changes are audited
 * on the case too, so a case's trail says which conference it was put on or taken off.
 */
function changeConference<T>(
  ctx: BackendContext,
  conferenceId: number,
  action: string,
  caseId: number | null,
  change: () => { detail: Record<string, unknown>; result: () => T },
): T {
  const user = requireUser(ctx);
  return ctx.db
    .transaction(() => {
      conferenceOrThrow(ctx, conferenceId);
      const { detail, result } = change();
      const at = ctx.now();
      touchConference(ctx.db, conferenceId, at);
      writeAudit(ctx.db, { at, userId: user.id, action, caseId, detail: { conferenceId, ...detail } });
      return result();
    })
    .immediate();
}

export const conferenceHandlers = {
  'conference.list': (ctx) => listConferences(ctx.db),
  'conference.get': (ctx, input) => ({
    conference: conferenceOrThrow(ctx, input.conferenceId),
    attendees: listAttendees(ctx.db, input.conferenceId),
    agenda: agendaOf(ctx, input.conferenceId),
  }),
  'conference.create': (ctx, input) => {
    const user = requireUser(ctx);
    return ctx.db
      .transaction(() => {
        const at = ctx.now();
        const id = insertConference(ctx.db, {
          title: input.title,
          date: input.date,
          location: input.location ?? '',
          createdBy: user.id,
          at,
        });
        writeAudit(ctx.db, {
          at,
          userId: user.id,
          action: 'conference.create',
          caseId: null,
          detail: { conferenceId: id, date: input.date },
        });
        return conferenceOrThrow(ctx, id);
      })
      .immediate();
  },
  'conference.update': (ctx, input) =>
    changeConference(ctx, input.conferenceId, 'conference.update', null, () => {
      const { conferenceId, ...changes } = input;
      updateConferenceRow(ctx.db, conferenceId, changes, ctx.now());
      return {
        detail: { changed: Object.keys(changes) },
        result: () => conferenceOrThrow(ctx, conferenceId),
      };
    }),
  'conference.addAttendee': (ctx, input) =>
    changeConference(ctx, input.conferenceId, 'conference.addAttendee', null, () => {
      if (findAttendeeByName(ctx.db, input.conferenceId, input.name))
        throw new AppError('CONFLICT', `${input.name} is already on the attendee list.`);
      const id = insertAttendee(ctx.db, {
        conferenceId: input.conferenceId,
        name: input.name,
        discipline: input.discipline,
        role: input.role ?? 'member',
      });
      return { detail: { attendeeId: id }, result: () => listAttendees(ctx.db, input.conferenceId) };
    }),
  'conference.removeAttendee': (ctx, input) => {
    const attendee = findAttendee(ctx.db, input.attendeeId);
    if (!attendee) throw new AppError('NOT_FOUND', `Attendee ${input.attendeeId} does not exist.`);
    return changeConference(ctx, attendee.conferenceId, 'conference.removeAttendee', null, () => {
      deleteAttendee(ctx.db, attendee.id);
      return {
        detail: { attendeeId: attendee.id },
        result: () => listAttendees(ctx.db, attendee.conferenceId),
      };
    });
  },
  'conference.addCase': (ctx, input) =>
    changeConference(ctx, input.conferenceId, 'conference.addCase', input.caseId, () => {
      const c = caseOrThrow(ctx.db, input.caseId);
      if (c.status === 'archived')
        throw new AppError('READ_ONLY', 'This case is archived. Restore it first.');
      if (hasAgendaCase(ctx.db, input.conferenceId, input.caseId))
        throw new AppError('CONFLICT', `Case ${input.caseId} is already on this agenda.`);
      insertAgendaItem(ctx.db, input.conferenceId, input.caseId);
      return { detail: {}, result: () => agendaOf(ctx, input.conferenceId) };
    }),
  'conference.removeCase': (ctx, input) =>
    changeConference(ctx, input.conferenceId, 'conference.removeCase', input.caseId, () => {
      if (!hasAgendaCase(ctx.db, input.conferenceId, input.caseId))
        throw new AppError('NOT_FOUND', `Case ${input.caseId} is not on this agenda.`);
      deleteAgendaItem(ctx.db, input.conferenceId, input.caseId);
      return { detail: {}, result: () => agendaOf(ctx, input.conferenceId) };
    }),
  'conference.reorderAgenda': (ctx, input) =>
    changeConference(ctx, input.conferenceId, 'conference.reorderAgenda', null, () => {
      const current = listAgenda(ctx.db, input.conferenceId).map((a) => a.caseId);
      const same =
        current.length === input.caseIds.length &&
        new Set(input.caseIds).size === current.length &&
        current.every((id) => input.caseIds.includes(id));
      if (!same)
        throw new AppError(
          'CONFLICT',
          'The agenda changed on another screen; reload it and move the case again.',
        );
      reorderAgenda(ctx.db, input.conferenceId, input.caseIds);
      return { detail: { order: input.caseIds }, result: () => agendaOf(ctx, input.conferenceId) };
    }),
  'conference.presentation': (ctx, input) => ({
    conference: conferenceOrThrow(ctx, input.conferenceId),
    attendees: listAttendees(ctx.db, input.conferenceId),
    items: listAgenda(ctx.db, input.conferenceId).map((a) => {
      const m = caseMaterial(ctx, a.caseId);
      return {
        caseId: a.caseId,
        title: a.title,
        status: a.status,
        summary: m.summary,
        keyImages: m.keyImages,
        decision: m.decision,
      };
    }),
  }),
} satisfies Partial<HandlerMap>;
