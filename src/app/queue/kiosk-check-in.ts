// Use case: a booked citizen checks in at the office's self-service kiosk
// (no login; only where `queue.kiosk` is on and through a kiosk link that a lead
// made and has not revoked, else not_found) by typing
// or scanning the reference. Same rules and effects as the front desk's
// check-in (check-in-appointment.ts): the appointment becomes checked_in with a
// history entry (by the citizen) and gets the next `T…` number of the day.
//
// What the kiosk may tell, so it cannot be used to probe references: a
// reference that does not exist, belongs to another office, is not today, or
// cannot be checked in (cancelled, completed, …) is `unknown` — one answer for
// all. Only a reference valid today at this office learns more: too early
// (from when), too late, or already checked in — never a name, concern, or
// the number already given.
import { DomainError } from '../../domain/errors.ts';
import { checkInOpensAt, checkInRefusal } from '../../domain/queue.ts';
import { localDateOf, localTimeOf } from '../../domain/time.ts';
import type { Database } from '../../db/schema.ts';
import type { Transaction } from 'kysely';
import { withRetry } from '../../db/retry.ts';
import { findByReference, findById } from '../../db/repositories/appointment-repo.ts';
import { ticketOfAppointment, ticketsOfDay } from '../../db/repositories/queue-ticket-repo.ts';
import { effectiveStatus } from '../appointment-view.ts';
import type { AppContext } from '../context.ts';
import { hashToken, normalizeReference } from '../tokens.ts';
import { findKioskLink, touchKioskLink } from '../../db/repositories/kiosk-link-repo.ts';
import { looksLikeKioskToken } from './kiosk-link-token.ts';
import { checkInWithTicket } from './issue-ticket.ts';
import { queueOfficeOf, type QueueOffice } from './queue-office.ts';
import { appointmentsOf, waitEstimates, waitingLine } from './waiting-line.ts';

export type KioskResult =
  | { ok: true; number: string; waitMinutes: number }
  | { ok: false; why: 'unknown' | 'too_late' | 'already' }
  | { ok: false; why: 'too_early'; time: string };

/** How often a link's "last used" is written (not on every page of a busy kiosk). */
const TOUCH_EVERY_MS = 10 * 60_000;

/**
 * The office's kiosk behind a kiosk link (its token: kiosk-link-token.ts), if the office has its
 * kiosk switched on and the link is not revoked; not_found otherwise, the same for every reason.
 */
export async function kioskOffice(ctx: AppContext, officeId: string, token: string): Promise<QueueOffice> {
  const catalog = await ctx.catalog();
  const office = catalog.offices.get(officeId);
  const qo = office ? queueOfficeOf(catalog, office, ctx.now()) : undefined;
  if (!qo || !qo.rules.kiosk || !looksLikeKioskToken(token)) throw new DomainError('not_found');
  const link = await findKioskLink(ctx.db, { orgId: ctx.orgId, officeId: qo.office.id, idHash: hashToken(token) });
  if (!link) throw new DomainError('not_found');
  if (!link.lastUsedAt || qo.now - link.lastUsedAt.getTime() >= TOUCH_EVERY_MS) {
    await touchKioskLink(ctx.db, { orgId: ctx.orgId, id: link.id, at: new Date(qo.now) });
  }
  return qo;
}

export async function kioskCheckIn(ctx: AppContext, q: { office: string; token: string; reference: string }): Promise<KioskResult> {
  const qo = await kioskOffice(ctx, q.office, q.token);
  const ref = normalizeReference(q.reference);
  if (!ref) return { ok: false, why: 'unknown' };
  const result = await withRetry(() =>
    ctx.db.transaction().execute(async (tx): Promise<KioskResult> => {
      const found = await findByReference(tx, ctx.orgId, ref);
      if (!found || found.office_id !== qo.office.id) return { ok: false, why: 'unknown' };
      const row = await findById(tx, ctx.orgId, found.id, true);
      if (!row) return { ok: false, why: 'unknown' };
      const startsAt = row.starts_at.getTime();
      if (localDateOf(startsAt, qo.tz) !== qo.day) return { ok: false, why: 'unknown' };
      const status = effectiveStatus(row, qo.now);
      if (status !== 'booked' && status !== 'pending' && status !== 'checked_in') return { ok: false, why: 'unknown' };
      if (await ticketOfAppointment(tx, ctx.orgId, row.id)) return { ok: false, why: 'already' };
      const refusal = checkInRefusal(startsAt, qo.now, true, qo.rules);
      if (refusal === 'too_early') return { ok: false, why: 'too_early', time: localTimeOf(checkInOpensAt(startsAt, qo.rules), qo.tz) };
      if (refusal) return { ok: false, why: 'too_late' };
      const { ticket } = await checkInWithTicket(tx, ctx.orgId, null, qo, row);
      return { ok: true, number: ticket.number, waitMinutes: await waitOf(tx, ctx.orgId, qo, ticket.number) };
    }),
  );
  return result;
}

/** Estimated minutes until `number` is called, as the counter view estimates it. */
async function waitOf(tx: Transaction<Database>, orgId: string, qo: QueueOffice, number: string): Promise<number> {
  const tickets = await ticketsOfDay(tx, orgId, qo.office.id, qo.day);
  const line = waitingLine(tickets, await appointmentsOf(tx, orgId, tickets), qo);
  return waitEstimates(line, tickets, qo)[line.findIndex((e) => e.row.number === number)] ?? 0;
}
