// What every queue use case starts from: the office (only the staff member's
// own: another office's queue looks like nothing at all), its queue settings,
// the organization's time zone, now, and today's local date; plus the helpers
// the use cases share (a desk by id, a ticket as staff see it, refusals).
import type { Transaction } from 'kysely';
import { DomainError } from '../../domain/errors.ts';
import { parseTicketNumber } from '../../domain/queue.ts';
import { queueRulesOf } from '../../domain/queue-rules.ts';
import { localDateOf } from '../../domain/time.ts';
import type { Desk, Locale, Office, QueueRules } from '../../domain/types.ts';
import type { Database } from '../../db/schema.ts';
import { findTicket, type TicketRow } from '../../db/repositories/queue-ticket-repo.ts';
import type { Catalog } from '../catalog.ts';
import type { AppContext } from '../context.ts';
import { formatReference } from '../tokens.ts';
import { requireOffice, type StaffUser } from '../staff/access.ts';

export interface QueueOffice {
  catalog: Catalog;
  office: Office;
  rules: QueueRules;
  tz: string;
  now: number;
  /** today in the organization's time zone, `YYYY-MM-DD` */
  day: string;
}

export async function openQueueOffice(ctx: AppContext, user: StaffUser, officeId: string): Promise<QueueOffice> {
  const catalog = await ctx.catalog();
  requireOffice(user, officeId, catalog);
  const office = catalog.offices.get(officeId);
  if (!office) throw new DomainError('not_found');
  return queueOfficeOf(catalog, office, ctx.now());
}

export function queueOfficeOf(catalog: Catalog, office: Office, now: number): QueueOffice {
  const tz = catalog.config.organization.timezone;
  return { catalog, office, rules: queueRulesOf(office), tz, now, day: localDateOf(now, tz) };
}

/** The office's desk by id; a validation error naming the desks there are, or that there are none. */
export function deskOf(rules: QueueRules, deskId: string | undefined, field = 'desk'): Desk {
  if (rules.desks.length === 0) throw new DomainError('validation', { fields: { [field]: { key: 'queue.desk.none' } } });
  const desk = rules.desks.find((d) => d.id === deskId);
  if (!desk) throw new DomainError('validation', { fields: { [field]: { key: 'queue.desk.unknown', params: { desks: rules.desks.map((d) => d.id).join(', ') } } } });
  return desk;
}

/** The desk's name as shown (the id if the desk was removed from the configuration since). */
export function deskName(rules: QueueRules, deskId: string | null): string {
  return rules.desks.find((d) => d.id === deskId)?.name ?? deskId ?? '';
}

/** A ticket of today by its number (`W017`, `w17`) or its id, locked; not_found otherwise. */
export async function loadTicket(tx: Transaction<Database>, orgId: string, qo: QueueOffice, key: string): Promise<TicketRow> {
  const number = parseTicketNumber(key);
  const id = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(key) ? key.toLowerCase() : undefined;
  const row = number || id ? await findTicket(tx, orgId, qo.office.id, qo.day, number ? { number } : { id }, true) : undefined;
  if (!row) throw new DomainError('not_found', { fields: { ticket: { key: 'queue.ticket.unknown' } } });
  return row;
}

/** Refuses an action on a ticket in the status it is in. */
export function refuseState(t: Pick<TicketRow, 'number' | 'status'>): never {
  throw new DomainError('not_allowed', { fields: { ticket: { key: `queue.state.${t.status}`, params: { number: t.number } } } });
}

export interface TicketView {
  id: string;
  number: string;
  kind: 'appointment' | 'walk_in';
  status: TicketRow['status'];
  /** the appointment's reference (`K7Q2-9XMD`), for booked citizens */
  reference: string | null;
  /** booked start (RFC 3339), for booked citizens */
  startsAt: string | null;
  name: string | null;
  concerns: { id: string; name: string; quantity: number }[];
  arrivedAt: string;
  calledAt: string | null;
  calledBy: string | null;
  desk: Desk | null;
  startedAt: string | null;
  finishedAt: string | null;
  calls: number;
  /** waiting tickets only: place in the queue (1 = next) and estimated minutes until called */
  position?: number;
  estimatedWaitMinutes?: number;
}

export interface TicketAppointment {
  reference: string | null; starts_at: Date; duration_minutes: number; services: { id: string; quantity: number }[]; contact_name: string | null;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function ticketView(t: TicketRow, a: TicketAppointment | undefined, qo: QueueOffice, locale: Locale): TicketView {
  const lines = t.kind === 'appointment' ? (a?.services ?? []) : t.concerns;
  return {
    id: t.id, number: t.number, kind: t.kind, status: t.status,
    reference: a?.reference ? formatReference(a.reference) : null,
    startsAt: a ? a.starts_at.toISOString() : null,
    name: a?.contact_name ?? null,
    concerns: lines.map((l) => ({ id: l.id, name: qo.catalog.services.get(l.id)?.name[locale] ?? l.id, quantity: l.quantity })),
    arrivedAt: t.arrived_at.toISOString(),
    calledAt: iso(t.called_at), calledBy: t.called_by,
    desk: t.desk ? { id: t.desk, name: deskName(qo.rules, t.desk) } : null,
    startedAt: iso(t.started_at), finishedAt: iso(t.finished_at),
    calls: t.call_count,
  };
}

/** Minutes a ticket will likely take: the appointment's duration, or the walk-in's concerns. */
export function ticketMinutes(t: Pick<TicketRow, 'kind' | 'concerns'>, a: Pick<TicketAppointment, 'duration_minutes'> | undefined, catalog: Catalog): number {
  if (t.kind === 'appointment') return a?.duration_minutes ?? 0;
  return t.concerns.reduce((sum, l) => sum + (catalog.services.get(l.id)?.minutes ?? 0) * l.quantity, 0);
}

