// The booking journey's order and guards: which step a citizen may see, given
// what the session holds, and where to send them otherwise.
import type { Catalog } from '../../app/catalog.ts';
import type { Office, ServiceRequest } from '../../domain/types.ts';
import type { Journey } from './session.ts';

export const PATHS = {
  start: '/',
  concerns: '/buchen/anliegen',
  office: '/buchen/amt',
  time: '/buchen/termin',
  earliest: '/buchen/termin/fruehester',
  contact: '/buchen/kontakt',
  review: '/buchen/pruefen',
  done: '/buchen/bestaetigung',
} as const;

/** `id:qty,id:qty`, the form in which holds remember what they were made for. */
export function selectionKey(services: ServiceRequest[]): string {
  return services.map((s) => `${s.id}:${s.quantity}`).join(',');
}

/** Offices offering every chosen concern, in configuration order. */
export function officesFor(catalog: Catalog, services: ServiceRequest[]): Office[] {
  return catalog.config.offices.filter((o) => services.every((s) => o.services.includes(s.id)));
}

/** The hold, if it still belongs to the current choice of office and concerns. */
export function currentHold(j: Journey): Journey['hold'] | undefined {
  if (!j.hold || !j.services || j.hold.office !== j.office || j.hold.services !== selectionKey(j.services)) return undefined;
  return j.hold;
}

/** Where a citizen who wants `step` must go instead, or null when they may stay. */
export function guard(j: Journey, step: 'office' | 'time' | 'contact' | 'review', catalog: Catalog): string | null {
  if (!j.services || j.services.length === 0) return PATHS.concerns;
  if (step === 'office') return null;
  if (!j.office || !catalog.offices.has(j.office)) return officesFor(catalog, j.services).length > 1 ? PATHS.office : PATHS.concerns;
  if (step === 'time') return null;
  if (!currentHold(j) && !j.lost) return PATHS.time;
  if (step === 'contact') return null;
  if (!j.contact || !j.consent) return PATHS.contact;
  return null;
}

/** After a time is held: contact details if they are missing, else straight to the review. */
export function afterTime(j: Journey): string {
  return j.contact && j.consent ? PATHS.review : PATHS.contact;
}
