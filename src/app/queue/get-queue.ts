// Use case: an office's queue today as staff see it: who waits (in the order
// they will be called, since when, for what, with an estimated wait), who is
// called and who is being served (at which desk, since when), the desks, and
// the last calls (numbers and desks, newest first: what the display shows).
// The estimate spreads the minutes of those ahead over the open desks: the
// desks that called someone in the last hour, else all the office's desks.
import { estimatedWaits, queueOrder, type QueueEntry } from '../../domain/queue.ts';
import type { Desk, Locale } from '../../domain/types.ts';
import { appointmentsOfTickets, lastCalls, ticketsOfDay } from '../../db/repositories/queue-ticket-repo.ts';
import type { AppContext } from '../context.ts';
import type { StaffUser } from '../staff/access.ts';
import { deskName, openQueueOffice, ticketMinutes, ticketView, type TicketView } from './queue-office.ts';

export interface QueueView {
  office: { id: string; name: string };
  day: string;
  desks: Desk[];
  walkIns: boolean;
  /** waiting and deferred, in the order they will be called */
  waiting: TicketView[];
  called: TicketView[];
  serving: TicketView[];
  /** newest first, at most 10 */
  lastCalls: { number: string; desk: Desk | null; calledAt: string }[];
  done: number;
  noShow: number;
}

const OPEN_DESK_WINDOW_MS = 60 * 60_000;

export async function getQueue(ctx: AppContext, user: StaffUser, q: { office: string; locale: Locale }): Promise<QueueView> {
  const qo = await openQueueOffice(ctx, user, q.office);
  const tickets = await ticketsOfDay(ctx.db, ctx.orgId, q.office, qo.day);
  const apps = new Map((await appointmentsOfTickets(ctx.db, ctx.orgId, tickets.flatMap((t) => (t.appointment_id ? [t.appointment_id] : []))))
    .map((a) => [a.id, a]));
  const appOf = (t: (typeof tickets)[number]) => (t.appointment_id ? apps.get(t.appointment_id) : undefined);

  const entries = tickets.filter((t) => t.status === 'waiting' || t.status === 'deferred').map((t): QueueEntry & { row: typeof t } => ({
    id: t.id, kind: t.kind, status: t.status === 'deferred' ? 'deferred' : 'waiting', priorityAt: t.priority_at.getTime(),
    arrivedAt: t.arrived_at.getTime(), startsAt: appOf(t)?.starts_at.getTime() ?? null, deferredAt: t.deferred_at?.getTime() ?? null,
    minutes: ticketMinutes(t, appOf(t), qo.catalog), row: t,
  }));
  const ordered = queueOrder(entries, qo.now);
  const recentDesks = new Set(tickets.filter((t) => t.desk && t.called_at && qo.now - t.called_at.getTime() < OPEN_DESK_WINDOW_MS).map((t) => t.desk));
  const waits = estimatedWaits(ordered, recentDesks.size || qo.rules.desks.length);

  const byCall = (a: TicketView, b: TicketView) => (a.calledAt ?? '').localeCompare(b.calledAt ?? '');
  const calls = await lastCalls(ctx.db, ctx.orgId, q.office, qo.day, 10);
  return {
    office: { id: qo.office.id, name: qo.office.name },
    day: qo.day,
    desks: qo.rules.desks,
    walkIns: qo.rules.walkIns,
    waiting: ordered.map((e, i) => ({ ...ticketView(e.row, appOf(e.row), qo, q.locale), position: i + 1, estimatedWaitMinutes: waits[i]! })),
    called: tickets.filter((t) => t.status === 'called').map((t) => ticketView(t, appOf(t), qo, q.locale)).sort(byCall),
    serving: tickets.filter((t) => t.status === 'serving').map((t) => ticketView(t, appOf(t), qo, q.locale)).sort(byCall),
    lastCalls: calls.map((c) => ({ number: c.number, desk: c.desk ? { id: c.desk, name: deskName(qo.rules, c.desk) } : null, calledAt: c.called_at!.toISOString() })),
    done: tickets.filter((t) => t.status === 'done').length,
    noShow: tickets.filter((t) => t.status === 'no_show').length,
  };
}
