// Use case: book an appointment (online by a citizen, or by staff for a caller).
// Validates everything, re-checks the time with the engine, picks a free lane
// and inserts in one transaction; the exclusion constraint settles every race.
import type { HistoryActor } from '../domain/appointment-history.ts';
import { checkContact, normalizeContact, type Contact } from '../domain/contact.ts';
import { DomainError, type FieldErrors } from '../domain/errors.ts';
import { parseRfc3339 } from '../domain/time.ts';
import type { Channel, Locale, ServiceRequest } from '../domain/types.ts';
import { countActiveForEmail, deleteHold, findById } from '../db/repositories/appointment-repo.ts';
import { shareConfigLock } from '../db/repositories/organization-repo.ts';
import { withFreshCatalog } from './fresh-config.ts';
import { claimIdempotencyKey, storeIdempotentResponse } from '../db/repositories/idempotency-repo.ts';
import { withRetry } from '../db/retry.ts';
import { alternativesAround } from './alternatives.ts';
import { toAppointmentView, type AppointmentView } from './appointment-view.ts';
import type { AppContext } from './context.ts';
import type { Catalog } from './catalog.ts';
import {
  IDEMPOTENCY_HOURS, keyHash, openResponse, requestHash, sealResponse, type IdempotencyRequest,
} from './idempotency.ts';
import { occupyFreeLane } from './occupy-lane.ts';
import { checkOfficeSelection } from './resolve-selection.ts';
import { emailKey, formatReference, hashToken, isHoldId, newManageToken, newReference } from './tokens.ts';

export interface BookInput {
  office?: string;
  services: ServiceRequest[];
  startsAt?: string;
  holdId?: string;
  contact: Contact;
  locale: Locale;
  consent?: boolean;
  channel?: Channel;
  idempotency?: IdempotencyRequest;
  /** who books, for the appointment's history: the citizen unless staff book for a caller */
  actor?: HistoryActor;
}

export interface BookResult {
  appointment: AppointmentView;
  manageToken: string;
  /** true when an Idempotency-Key replayed the first answer */
  replayed: boolean;
}


/** Every problem with what was asked (office, concerns, time, contact, consent), at once. */
export function bookInputProblems(catalog: Catalog, raw: BookInput): FieldErrors {
  const channel = raw.channel ?? 'online';
  const fields: FieldErrors = {};
  const sel = checkOfficeSelection(catalog, raw.office, raw.services);
  if (!sel.ok) Object.assign(fields, sel.fields);
  const start = raw.startsAt === undefined ? null : parseRfc3339(raw.startsAt);
  if (start === null) fields.startsAt = { key: raw.startsAt === undefined ? 'startsAt.required' : 'startsAt.invalid' };
  Object.assign(fields, checkContact(normalizeContact(raw.contact), { emailRequired: channel === 'online' }));
  if (channel === 'online' && raw.consent !== true) fields.consent = { key: 'consent.required' };
  return fields;
}

export async function bookAppointment(ctx: AppContext, raw: BookInput): Promise<BookResult> {
  return withFreshCatalog(ctx, (catalog) => book(ctx, catalog, raw));
}

async function book(ctx: AppContext, catalog: Catalog, raw: BookInput): Promise<BookResult> {
  const now = ctx.now();
  const channel = raw.channel ?? 'online';
  const contact = normalizeContact(raw.contact);

  const fields = bookInputProblems(catalog, raw);
  const sel = checkOfficeSelection(catalog, raw.office, raw.services);
  const start = raw.startsAt === undefined ? null : parseRfc3339(raw.startsAt);
  if (!sel.ok || start === null || Object.keys(fields).length > 0) throw new DomainError('validation', { fields });

  const { office, requests, durationMinutes } = sel.value;
  const email = contact.email ? emailKey(contact.email) : null;
  const holdId = isHoldId(raw.holdId) ? raw.holdId : undefined;
  const confirmByEmail = channel === 'online' && office.booking.confirmByEmail;
  const idem = raw.idempotency;

  const outcome = await withRetry(() =>
    ctx.db.transaction().execute(async (tx) => {
      const nowDate = new Date(now);
      let idemKeyHash: string | undefined;
      if (idem) {
        idemKeyHash = keyHash(ctx.orgId, idem.key);
        const claim = await claimIdempotencyKey(tx, {
          orgId: ctx.orgId, keyHash: idemKeyHash, requestHash: requestHash(idem.body), now: nowDate, maxAgeHours: IDEMPOTENCY_HOURS,
        });
        if (claim.kind === 'mismatch') throw new DomainError('idempotency_mismatch');
        if (claim.kind === 'replay') {
          const prior = openResponse<{ appointment: AppointmentView; manageToken: string }>(idem.key, claim.response);
          if (prior) return { kind: 'replay' as const, prior };
          throw new DomainError('idempotency_mismatch');
        }
      }
      // the address's lock serialises its bookings, so the count below is exact
      await shareConfigLock(tx, ctx.orgId, email ?? undefined);
      if (email && channel === 'online') {
        const active = await countActiveForEmail(tx, { orgId: ctx.orgId, officeId: office.id, emailKey: email, now: nowDate });
        if (active >= office.booking.maxActivePerEmail)
          throw new DomainError('limit_reached', { fields: { 'contact.email': { key: 'limit.active', params: { max: office.booking.maxActivePerEmail } } } });
      }
      // The citizen's own hold gives its time back to this booking.
      if (holdId) {
        const hold = await findById(tx, ctx.orgId, holdId, true);
        if (hold && hold.status === 'held' && hold.office_id === office.id) {
          await deleteHold(tx, ctx.orgId, hold.id);
        }
      }
      const manageToken = newManageToken();
      const row = await occupyFreeLane(tx, {
        catalog, office, start, durationMinutes, channel, now,
        row: () => ({
          status: confirmByEmail ? 'pending' : 'booked',
          expires_at: confirmByEmail ? new Date(now + office.booking.confirmMinutes * 60_000) : null,
          reference: newReference(),
          token_hash: hashToken(manageToken),
          services: JSON.stringify(requests.map((r) => ({ id: r.id, quantity: r.quantity }))),
          contact_name: contact.name,
          contact_email: contact.email || null,
          contact_phone: contact.phone ?? null,
          email_key: email,
          locale: raw.locale,
          created_at: nowDate,
          updated_at: nowDate,
        }),
        mail: contact.email
          ? { kind: confirmByEmail ? 'confirm_request' : 'booking_confirmation', recipient: contact.email, locale: raw.locale, payload: { manageToken } }
          : undefined,
        history: (r) => ({
          at: nowDate,
          actor: raw.actor ?? { kind: 'citizen' },
          action: 'appointment.book',
          details: {
            reference: formatReference(r.reference ?? ''), channel, toStart: new Date(start).toISOString(), toStatus: r.status,
          },
        }),
      });
      if (row === null) return { kind: 'unavailable' as const };
      const appointment = toAppointmentView(row, catalog, raw.locale, now);
      if (idem && idemKeyHash) {
        await storeIdempotentResponse(tx, {
          orgId: ctx.orgId, keyHash: idemKeyHash, statusCode: 201, response: sealResponse(idem.key, { appointment, manageToken }),
        });
      }
      return { kind: 'booked' as const, appointment, manageToken };
    }),
  );

  ctx.forgetAvailability();
  if (outcome.kind === 'replay') return { ...outcome.prior, replayed: true };
  if (outcome.kind === 'booked') return { appointment: outcome.appointment, manageToken: outcome.manageToken, replayed: false };
  const alternatives = await alternativesAround(ctx, { catalog, office, durationMinutes, channel, around: start, now });
  throw new DomainError('slot_unavailable', { alternatives });
}
