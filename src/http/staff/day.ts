// The day view (/staff) and the search (/staff/suche).
import type { FastifyInstance } from 'fastify';
import { userOffices } from '../../app/staff/access.ts';
import { getDay } from '../../app/staff/get-day.ts';
import { searchAppointments } from '../../app/staff/search-appointments.ts';
import { addDays, isValidLocalDate } from '../../domain/time.ts';
import { plansOn } from '../../domain/opening-windows.ts';
import { DomainError } from '../../domain/errors.ts';
import { sendPage } from '../web/page.ts';
import { DayPage } from '../views/staff/day-page.tsx';
import { SearchPage } from '../views/staff/search-page.tsx';
import { PrintPage } from '../views/staff/print-page.tsx';
import { exportAppointments } from '../../app/staff/export-appointments.ts';
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
    const date = q.date && isValidLocalDate(q.date) ? q.date : undefined;
    const day = await getDay(ctx, user, { office: officeId, date, locale });
    const link = (d: string) => `/staff?office=${encodeURIComponent(day.office.id)}&date=${d}`;
    const offices = mine.map((id) => ({ id, name: catalog.offices.get(id)?.name ?? id }));
    const plans = plansOn(catalog.offices.get(day.office.id)!, day.date);
    return sendPage(reply, DayPage({ frame, day, offices, prev: link(addDays(day.date, -1)), next: link(addDays(day.date, 1)), canExport: user.role !== 'clerk', closedNote: closedNote(q.closed, frame.t), plans }));
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
    const { locale, frame } = staffEnv(req, reply);
    const date = q.date && isValidLocalDate(q.date) ? q.date : undefined;
    const day = await getDay(ctx, user, { office: q.office ?? userOffices(user, await ctx.catalog())[0] ?? '', date, locale });
    return sendPage(reply, PrintPage({ frame, day }));
  });

  app.get('/staff/export.csv', async (req, reply) => {
    const user = userOf(req);
    const q = query(req);
    const { locale } = staffEnv(req, reply);
    const csv = await exportAppointments(ctx, user, { office: q.office ?? '', from: q.from ?? '', to: q.to ?? q.from ?? '', locale });
    const name = `termine-${(q.office ?? '').replace(/[^a-z0-9-]/g, '')}-${q.from}-${q.to ?? q.from}.csv`;
    return reply
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="${name}"`)
      .type('text/csv; charset=utf-8')
      .send('\uFEFF' + csv);
  });
}

function closedNote(v: string | undefined, t: { closure: { done: (n: number, c: number) => string } }): string | undefined {
  const m = /^(\d{1,4})-(\d{1,4})$/.exec(v ?? '');
  return m ? t.closure.done(Number(m[1]), Number(m[2])) : undefined;
}
