// Rules for a citizen's contact data.
import type { FieldErrors } from './errors.ts';

export interface Contact {
  name: string;
  email: string;
  phone?: string | null;
}

// Deliberately simple: one @, a dot in the domain, no spaces. The mail server is the real judge.
const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]{2,}$/;
const PHONE = /^\+?[0-9 ()/.-]{5,30}$/;

export function normalizeContact(c: Contact): Contact {
  const phone = c.phone?.trim();
  return { name: c.name.trim().replace(/\s+/g, ' '), email: c.email.trim(), phone: phone ? phone : null };
}

/** Checks normalised contact data; `emailRequired` is false for staff bookings. */
export function checkContact(c: Contact, opts: { emailRequired?: boolean; prefix?: string } = {}): FieldErrors {
  const p = opts.prefix ?? 'contact';
  const fields: FieldErrors = {};
  if (c.name.length === 0) fields[`${p}.name`] = { key: 'contact.name.required' };
  else if (c.name.length > 200) fields[`${p}.name`] = { key: 'contact.name.too_long', params: { max: 200 } };
  else if (/[\u0000-\u001f<>]/.test(c.name)) fields[`${p}.name`] = { key: 'contact.name.invalid' };
  if (c.email.length === 0) {
    if (opts.emailRequired !== false) fields[`${p}.email`] = { key: 'contact.email.required' };
  } else if (c.email.length > 254 || !EMAIL.test(c.email)) fields[`${p}.email`] = { key: 'contact.email.invalid' };
  if (c.phone && !PHONE.test(c.phone)) fields[`${p}.phone`] = { key: 'contact.phone.invalid' };
  return fields;
}
