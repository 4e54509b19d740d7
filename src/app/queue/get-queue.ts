// Use case: an office's queue today as staff see it: who waits (in the order
// they will be called, since when, for what, with an estimated wait), who is
// called and who is being served (at which desk, since when), the desks, and
// the last calls (numbers and desks, newest first: what the display shows).
// The estimate spreads the minutes of those ahead over the open desks: the
// desks that called someone in the last hour, else all the office's desks.
import type { Desk, Locale } from '../../domain/types.ts';
import { lastCalls, ticketsOfDay } from '../../db/repositories/queue-ticket-repo.ts';
import type { AppContext } from '../context.ts';
import type { StaffUser } from '../staff/access.ts';
import { deskName, openQueueOffice, ticketView, type TicketView } from './queue-office.ts';
import { appointmentsOf, waitEstimates, waitingLine } from './waiting-line.ts';

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

export async function getQueue(ctx: AppContext, user: StaffUser, q: { office: string; locale: Locale }): Promise<QueueView> {
  const qo = await openQueueOffice(ctx, user, q.office);
  const tickets = await ticketsOfDay(ctx.db, ctx.orgId, q.office, qo.day);
  const apps = await appointmentsOf(ctx.db, ctx.orgId, tickets);
  const appOf = (t: (typeof tickets)[number]) => (t.appointment_id ? apps.get(t.appointment_id) : undefined);
  const ordered = waitingLine(tickets, apps, qo);
  const waits = waitEstimates(ordered, tickets, qo);

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
