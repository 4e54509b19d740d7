// Phone and walk-in bookings: GET lists the nearest free times for the chosen
// concerns (phone lanes for callers, every counter for walk-ins); POST books
// the chosen time and redirects to the reference to read out. The concern
// search (`suche`; its own button sends `aktion=suchen`) sorts the concerns
// and keeps every quantity; it looks for no times.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { userOffices } from '../../app/staff/access.ts';
import { bookForCaller } from '../../app/staff/book-for-caller.ts';
import { findFreeTimes } from '../../app/staff/find-free-times.ts';
import { findConcerns, type ConcernSearch } from '../../app/staff/find-concerns.ts';
import { clip } from '../clip.ts';
import { DomainError, isDomainError, type FieldErrors } from '../../domain/errors.ts';
import type { Locale, ServiceRequest } from '../../domain/types.ts';
import { message } from '../messages.ts';
import { formBody, redirect, sendPage } from '../web/page.ts';
import { parseDateInput, parsePartOfDay } from '../../domain/date-input.ts';
import type { TimeSearchResult } from '../../app/staff/staff-time-search.ts';
import { BookedPage, BookPage, type BookForm } from '../views/staff/book-page.tsx';
import type { StaffDeps } from './plugin.ts';
import { query, refParam, staffEnv, userOf } from './staff-page.ts';
import type { StaffTexts } from '../views/staff/staff-texts.ts';
import { getStaffAppointment } from '../../app/staff/get-staff-appointment.ts';
import { formatDateTime } from '../views/format.ts';
import { texts } from '../views/texts.ts';
import { bringLines } from '../web/steps/review.ts';

function readForm(src: Record<string, string>, fallbackOffice: string): BookForm {
  const month = /^\d{4}-\d{2}$/.test(src.monat ?? '') ? src.monat : undefined;
  const quantities: Record<string, number> = {};
  for (const [k, v] of Object.entries(src)) {
    if (k.startsWith('q_') && /^\d{1,2}$/.test(v) && Number(v) > 0) quantities[k.slice(2)] = Number(v);
  }
  return {
    office: src.office || fallbackOffice,
    channel: src.channel === 'counter' ? 'counter' : 'phone',
    quantities,
    startsAt: src.startsAt,
    name: src.name, email: src.email, phone: src.phone,
    day: src.tag?.trim() || undefined, part: parsePartOfDay(src.tageszeit), month,
    search: src.suche?.trim() ? clip(src.suche.trim(), 200) : undefined,
  };
}

const requests = (f: BookForm): ServiceRequest[] => Object.entries(f.quantities).map(([id, quantity]) => ({ id, quantity }));

/** Messages addressed to the clerk (about the caller), not to the citizen as on the citizen pages. */
function staffMessage(key: string, channel: BookForm['channel'], t: StaffTexts): string | undefined {
  if (key === 'contact.name.required') return channel === 'counter' ? t.bookPage.nameRequiredCounter : t.bookPage.nameRequired;
  if (key === 'contact.name.invalid') return t.bookPage.nameInvalid;
  if (key === 'contact.email.invalid') return t.bookPage.emailInvalid;
  if (key === 'contact.phone.invalid') return t.bookPage.phoneInvalid;
  return undefined;
}

function fieldList(fields: FieldErrors, locale: Locale, t: StaffTexts, channel: BookForm['channel'] = 'phone') {
  const out: { id: string; message: string }[] = [];
  for (const [path, p] of Object.entries(fields)) {
    if (path.startsWith('services') || path === 'office') out.push({ id: 'concerns', message: t.bookPage.chooseConcern });
    else if (path === 'startsAt') out.push({ id: 'startsAt', message: t.bookPage.chooseTime });
    else if (staffMessage(p.key, channel, t)) out.push({ id: path.replace(/^contact\./, ''), message: staffMessage(p.key, channel, t)! });
    else out.push({ id: path.replace(/^contact\./, ''), message: message(p.key, locale, p.params) });
  }
  return out.filter((e, i) => out.findIndex((x) => x.id === e.id) === i);
}

export function registerBookRoutes(app: FastifyInstance, { ctx, write }: StaffDeps): void {
  async function page(req: FastifyRequest, locale: Locale, found?: TimeSearchResult | null, form?: BookForm) {
    const user = userOf(req);
    const catalog = await ctx.catalog();
    // the concern search: the citizens' finder over the office's concerns
    let finder: ConcernSearch | undefined;
    if (form?.search && userOffices(user, catalog).includes(form.office)) finder = await findConcerns(ctx, user, { office: form.office, q: form.search, locale });
    const offices = userOffices(user, catalog).map((id) => {
      const o = catalog.offices.get(id)!;
      return {
        id, name: o.name,
        services: o.services.map((sid) => catalog.services.get(sid)).filter((s) => s !== undefined)
          .map((s) => ({ id: s.id, name: s.name[locale], maxQuantity: s.maxQuantity })),
      };
    });
    return { offices, found: found ?? null, finder };
  }

  app.get('/staff/buchen', async (req, reply) => {
    const user = userOf(req);
    const catalog = await ctx.catalog();
    const { locale, t, frame } = staffEnv(req, reply);
    const form = readForm(query(req), userOffices(user, catalog)[0] ?? '');
    // another office answers 404 like everywhere else, rather than switching silently
    if (!userOffices(user, catalog).includes(form.office)) throw new DomainError('not_found');
    let found: TimeSearchResult | null = null;
    const errors: { id: string; message: string }[] = [];
    const date = form.day === undefined ? undefined : parseDateInput(form.day);
    // only the concern search: the list sorted, no times looked for, nothing to complain about yet
    if (query(req).aktion === 'suchen') {
      const p = await page(req, locale, null, form);
      return sendPage(reply, BookPage({ frame, offices: p.offices, form, found: null, errors, finder: p.finder }));
    }
    if (date === null) errors.push({ id: 'tag', message: t.bookPage.dayInvalid });
    if (Object.keys(form.quantities).length > 0) {
      try {
        found = await findFreeTimes(ctx, user, { office: form.office, services: requests(form), channel: form.channel, date: date ?? undefined, part: form.part, month: form.month });
      } catch (e) {
        if (!isDomainError(e) || e.code !== 'validation') throw e;
        errors.unshift(...fieldList(e.details.fields ?? {}, locale, t));
      }
    } else if (query(req).office) errors.unshift({ id: 'concerns', message: t.bookPage.chooseConcern });
    const p = await page(req, locale, date === null ? null : found, form);
    return sendPage(reply, BookPage({ frame, offices: p.offices, form, found: p.found, errors, finder: p.finder }), errors.length ? 400 : 200);
  });

  app.post('/staff/buchen', { ...write, preHandler: app.csrfProtection }, async (req, reply) => {
    const user = userOf(req);
    const catalog = await ctx.catalog();
    const { locale, t, frame } = staffEnv(req, reply);
    const form = readForm(formBody(req), '');
    try {
      const a = await bookForCaller(ctx, user, {
        office: form.office, services: requests(form), startsAt: form.startsAt ?? '', channel: form.channel, locale,
        contact: { name: form.name ?? '', email: form.email ?? '', phone: form.phone ?? '' },
      });
      return redirect(reply, `/staff/gebucht/${encodeURIComponent(a.reference)}`);
    } catch (e) {
      if (!isDomainError(e) || (e.code !== 'validation' && e.code !== 'slot_unavailable' && e.code !== 'limit_reached')) throw e;
      const errors = e.code === 'validation' ? fieldList(e.details.fields ?? {}, locale, t, form.channel) : [{ id: 'startsAt', message: t.bookPage.taken }];
      const date = form.day === undefined ? undefined : parseDateInput(form.day) ?? undefined;
      const found = Object.keys(form.quantities).length > 0
        ? await findFreeTimes(ctx, user, { office: form.office, services: requests(form), channel: form.channel, date, part: form.part, month: form.month }).catch(() => null)
        : null;
      if (e.code !== 'validation') form.startsAt = undefined;
      const p = await page(req, locale, found, form);
      return sendPage(reply, BookPage({ frame, offices: p.offices, form, found: p.found, errors, finder: p.finder }), e.code === 'validation' ? 400 : 409);
    }
  });

  // what to read out to the caller: the reference, the day in words, the office, the concerns and what to bring
  app.get('/staff/gebucht/:reference', async (req, reply) => {
    const user = userOf(req);
    const { locale, frame } = staffEnv(req, reply);
    const a = await getStaffAppointment(ctx, user, { reference: refParam(req), locale });
    const catalog = await ctx.catalog();
    const citizen = texts(locale);
    return sendPage(reply, BookedPage({
      frame, reference: a.reference, email: a.contact.email,
      when: formatDateTime(a.startsAt.slice(0, 10), a.startsAt.slice(11, 16), citizen),
      office: catalog.offices.get(a.office)?.name ?? a.office,
      concerns: a.services.map((s) => `${s.quantity} × ${s.name}`),
      bring: bringLines(citizen, a.services),
    }));
  });
}
