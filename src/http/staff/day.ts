// The day view (/staff; ?abgesagte=nein hides cancelled appointments), the search (/staff/suche) and the printable day list (/staff/druck).
import type { FastifyInstance } from 'fastify';
import { userOffices } from '../../app/staff/access.ts';
import { getDay } from '../../app/staff/get-day.ts';
import { searchAppointments } from '../../app/staff/search-appointments.ts';
import { addDays, isValidLocalDate, localDateOf, localTimeOf } from '../../domain/time.ts';
import { plansOn } from '../../domain/opening-windows.ts';
import { DomainError } from '../../domain/errors.ts';
import { sendPage } from '../web/page.ts';
import { DayPage } from '../views/staff/day-page.tsx';
import { SearchPage } from '../views/staff/search-page.tsx';
import { PrintPage } from '../views/staff/print-page.tsx';
import { StaffErrorPage } from '../views/staff/staff-error-page.tsx';
import type { StaffDeps } from './plugin.ts';
import { query, staffEnv, userOf } from './staff-page.ts';

export function registerDayRoutes(app: FastifyInstance, { ctx }: StaffDeps): void {
  app.get('/staff', async (req, reply) => {
    const user = userOf(req);
    const catalog = await ctx.catalog();
    const mine = userOffices(user, catalog);
    const q = query(req);
    const officeId = q.office ?? mine[0];
    if (!officeId) throw new DomainError('not_found');
    const { locale, frame } = staffEnv(req, reply);
    const badDate = q.date !== undefined && q.date !== '' && !isValidLocalDate(q.date) ? q.date.slice(0, 20) : undefined;
    const date = q.date && !badDate ? q.date : undefined;
    const day = await getDay(ctx, user, { office: officeId, date, locale });
    // cancelled appointments are listed unless hidden (?abgesagte=nein); the choice goes with the day links
    const showCancelled = q.abgesagte !== 'nein';
    const dayLink = (d: string, cancelled: boolean) => `/staff?office=${encodeURIComponent(day.office.id)}&date=${d}${cancelled ? '' : '&abgesagte=nein'}`;
    const link = (d: string) => dayLink(d, showCancelled);
    const offices = mine.map((id) => ({ id, name: catalog.offices.get(id)?.name ?? id }));
    const plans = plansOn(catalog.offices.get(day.office.id)!, day.date);
    return sendPage(reply, DayPage({
      frame, day, offices, prev: link(addDays(day.date, -1)), next: link(addDays(day.date, 1)), canExport: user.role !== 'clerk',
      closedNote: closedNote(q.closed, frame.t), plans, badDate,
      asOf: localTimeOf(ctx.now(), catalog.config.organization.timezone),
      showCancelled, cancelledLinks: { show: dayLink(day.date, true), hide: dayLink(day.date, false) },
      undoNoShow: day.date === localDateOf(ctx.now(), catalog.config.organization.timezone),
    }), badDate ? 400 : 200);
  });

  app.get('/staff/suche', async (req, reply) => {
    const user = userOf(req);
    const q = query(req).q ?? '';
    const { locale, frame } = staffEnv(req, reply);
    const results = q.trim() ? await searchAppointments(ctx, user, { query: q, locale }) : null;
    return sendPage(reply, SearchPage({ frame, query: q.slice(0, 200), results }));
  });

  app.get('/staff/druck', async (req, reply) => {
    const user = userOf(req);
    const q = query(req);
    const { locale, t, frame } = staffEnv(req, reply);
    // never print another day than the one asked for
    if (q.date && !isValidLocalDate(q.date)) {
      return sendPage(reply, StaffErrorPage({ frame, title: t.dayView.dateInvalid, text: t.dayView.printBadDate(q.date.slice(0, 20)) }), 400);
    }
    const day = await getDay(ctx, user, { office: q.office ?? userOffices(user, await ctx.catalog())[0] ?? '', date: q.date || undefined, locale });
    return sendPage(reply, PrintPage({ frame, day }));
  });
}

function closedNote(v: string | undefined, t: { closure: { done: (n: number, c: number) => string } }): string | undefined {
  const m = /^(\d{1,4})-(\d{1,4})$/.exec(v ?? '');
  return m ? t.closure.done(Number(m[1]), Number(m[2])) : undefined;
}
