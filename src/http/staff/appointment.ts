// One appointment: details, its history, the counter actions (a no-show only after the office's grace)
// and cancelling on behalf (Post/Redirect/Get; without a reason the form comes back with 422).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { cancelOnBehalf } from '../../app/staff/cancel-on-behalf.ts';
import { getStaffAppointment } from '../../app/staff/get-staff-appointment.ts';
import { listAppointmentHistory } from '../../app/staff/list-appointment-history.ts';
import { ATTENDANCE, attendanceChoices, attendanceRefusal, graceOf, noShowTime, recordAttendance, type Attendance } from '../../app/staff/record-attendance.ts';
import { localDateOf } from '../../domain/time.ts';
import { counterTexts } from '../views/staff/counter-texts.ts';
import { clip } from '../clip.ts';
import { isDomainError } from '../../domain/errors.ts';
import { concernsStillOffered, listMoveTimes } from '../../app/staff/list-move-times.ts';
import { parseDateInput, parsePartOfDay } from '../../domain/date-input.ts';
import { formatDateTime } from '../views/format.ts';
import { texts } from '../views/texts.ts';
import { moveOnBehalf } from '../../app/staff/move-on-behalf.ts';
import { MovePage, type MoveSearch } from '../views/staff/move-page.tsx';
import { formBody, redirect, sendPage } from '../web/page.ts';
import { AppointmentPage } from '../views/staff/appointment-page.tsx';
import type { StaffDeps } from './plugin.ts';
import { query, refParam, staffEnv, userOf } from './staff-page.ts';

const url = (ref: string, q = '') => `/staff/termin/${encodeURIComponent(ref)}${q}`;

export function registerAppointmentRoutes(app: FastifyInstance, { ctx, write }: StaffDeps): void {
  /** The appointment's page; after a refused cancellation (422) with the reason typed and what to fix. */
  async function appointmentPage(req: FastifyRequest, reply: FastifyReply, cancel?: { reason: string; error: string }) {
    const user = userOf(req);
    const { locale, t, frame } = staffEnv(req, reply);
    const a = await getStaffAppointment(ctx, user, { reference: refParam(req), locale });
    const catalog = await ctx.catalog();
    const q = query(req);
    // after a move or cancellation, say how the citizen hears of it: only an address gets an e-mail
    const told = a.contact.email ? t.move.toldByMail(a.contact.email) : a.contact.phone ? t.move.callInstead(a.contact.phone) : t.move.noContact;
    const notice = q.ok === 'cancelled' ? `${t.appt.cancelled} ${told}` : q.ok === 'moved' ? `${t.move.moved} ${told}`
      : q.ok === 'saved' ? t.appt.done : q.ok === 'undone' ? t.appt.undone : q.ok === 'contacted' ? t.appt.done : undefined;
    // the call box's form without a choice, or with a note too long: the message at the box (routes in contact.ts)
    const callError = q.error === 'contact' ? 'result' as const : q.error === 'contact_note' ? 'note' as const : undefined;
    const tz = catalog.config.organization.timezone;
    const startsAt = Date.parse(a.startsAt);
    // a no-show only after the office's grace: until then, say from when
    const grace = graceOf(catalog, a.office);
    const noShowAt = noShowTime(startsAt, grace, tz);
    const error = callError ? undefined : q.error === 'reason' ? t.appt.reasonRequired : q.error === 'not_started' ? t.appt.tooEarly
      : q.error === 'grace' ? counterTexts(locale).graceRefused(noShowAt)
      : q.error === 'not_today' ? t.appt.notToday : q.error ? t.appt.notAllowed : undefined;
    const now = ctx.now();
    const choices = attendanceChoices({ status: a.status, startsAt }, now, tz, grace);
    const inGrace = attendanceRefusal({ status: a.status, startsAt }, 'no_show', now, tz, grace);
    const noShowFrom = inGrace === 'grace' || (inGrace === 'not_started' && localDateOf(now, tz) === localDateOf(startsAt, tz)) ? noShowAt : undefined;
    const movable = concernsStillOffered({ office_id: a.office, services: a.services }, catalog);
    const history = await listAppointmentHistory(ctx, user, { reference: a.reference });
    return sendPage(reply, AppointmentPage({ frame, a, officeName: catalog.offices.get(a.office)?.name ?? a.office, choices, movable, notice, error, history, callError, noShowFrom, cancel }),
      cancel ? 422 : error ? 409 : callError ? 400 : 200);
  }

  app.get('/staff/termin/:reference', async (req, reply) => appointmentPage(req, reply));

  app.post('/staff/termin/:reference/status', { ...write, preHandler: app.csrfProtection }, async (req, reply) => {
    const user = userOf(req);
    const ref = refParam(req);
    const status = formBody(req).status as Attendance;
    if (!ATTENDANCE.includes(status)) return redirect(reply, url(ref, '?error=status'));
    try {
      const a = await recordAttendance(ctx, user, { reference: ref, status, locale: 'de' });
      // the day view's undo comes back to the day (only there: nothing else is taken from the form)
      if (formBody(req).zurueck === 'tag') return redirect(reply, `/staff?office=${encodeURIComponent(a.office)}&date=${a.startsAt.slice(0, 10)}`);
      return redirect(reply, url(a.reference, status === 'booked' ? '?ok=undone' : '?ok=saved'));
    } catch (e) {
      if (isDomainError(e) && e.code === 'not_allowed') {
        const why = (e.details.fields?.status?.key ?? 'not_allowed').replace(/^attendance\./, '');
        return redirect(reply, url(ref, `?error=${encodeURIComponent(why)}`));
      }
      throw e;
    }
  });

  app.post('/staff/termin/:reference/absagen', { ...write, preHandler: app.csrfProtection }, async (req, reply) => {
    const user = userOf(req);
    const ref = refParam(req);
    const reason = formBody(req).reason ?? '';
    try {
      const a = await cancelOnBehalf(ctx, user, { reference: ref, reason, locale: 'de' });
      return redirect(reply, url(a.reference, '?ok=cancelled'));
    } catch (e) {
      // no reason, or too long: the page again with the form, the field marked and what to fix (422)
      if (isDomainError(e) && e.code === 'validation') {
        const { t, locale } = staffEnv(req, reply);
        const error = e.details.fields?.reason?.key === 'reason.tooLong' ? counterTexts(locale).reasonTooLong : t.appt.reasonRequired;
        return appointmentPage(req, reply, { reason: clip(reason, 2000), error });
      }
      if (isDomainError(e) && e.code === 'not_allowed') return redirect(reply, url(ref, '?error=not_allowed'));
      throw e;
    }
  });

  /** The move page: the chosen day's times (or the nearest) and the month; after a failed move, the reason typed stays. */
  async function movePage(req: FastifyRequest, reply: FastifyReply, src: Record<string, string>, failed?: { error: 'taken' | 'choose'; reason: string }) {
    const user = userOf(req);
    const { locale, t, frame } = staffEnv(req, reply);
    const a = await getStaffAppointment(ctx, user, { reference: refParam(req), locale });
    const search = readMoveSearch(src);
    const date = search.day === undefined ? undefined : parseDateInput(search.day);
    const found = await listMoveTimes(ctx, user, { reference: a.reference, date: date ?? undefined, part: search.part, month: search.month });
    const error = failed?.error === 'taken' ? t.move.taken : failed?.error === 'choose' ? t.bookPage.chooseTime : undefined;
    const dayError = date === null ? t.bookPage.dayInvalid : undefined;
    const current = formatDateTime(a.startsAt.slice(0, 10), a.startsAt.slice(11, 16), texts(locale));
    const status = failed ? (failed.error === 'choose' ? 400 : 409) : dayError ? 400 : 200;
    return sendPage(reply, MovePage({
      frame, reference: a.reference, current, found, movable: found.movable, search, error, dayError, reason: failed?.reason,
    }), status);
  }

  app.get('/staff/termin/:reference/verschieben', async (req, reply) => movePage(req, reply, query(req)));

  app.post('/staff/termin/:reference/verschieben', { ...write, preHandler: app.csrfProtection }, async (req, reply) => {
    const user = userOf(req);
    const ref = refParam(req);
    const body = formBody(req);
    try {
      const a = await moveOnBehalf(ctx, user, { reference: ref, startsAt: body.startsAt ?? '', reason: body.reason ?? '', locale: 'de' });
      return redirect(reply, url(a.reference, '?ok=moved'));
    } catch (e) {
      const reason = body.reason ?? '';
      if (isDomainError(e) && e.code === 'validation' && e.details.fields?.startsAt?.key === 'startsAt.required') return movePage(req, reply, body, { error: 'choose', reason });
      if (isDomainError(e) && (e.code === 'slot_unavailable' || e.code === 'validation')) return movePage(req, reply, body, { error: 'taken', reason });
      if (isDomainError(e) && e.code === 'not_allowed') return redirect(reply, url(ref, '?error=not_allowed'));
      throw e;
    }
  });
}

function readMoveSearch(src: Record<string, string>): MoveSearch {
  return {
    day: src.tag?.trim() || undefined,
    part: parsePartOfDay(src.tageszeit),
    month: /^\d{4}-\d{2}$/.test(src.monat ?? '') ? src.monat : undefined,
  };
}
