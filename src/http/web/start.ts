// GET / : the city, its offices with address and opening hours, "Termin buchen".
import type { FastifyInstance } from 'fastify';
import { WEEKDAYS, type Office } from '../../domain/types.ts';
import type { Texts } from '../views/texts.ts';
import { StartPage, type OfficeCard } from '../views/pages/start-page.tsx';
import { pageEnv, sendPage } from './page.ts';
import type { WebDeps } from './plugin.ts';
import { loadSession } from './session.ts';
import { PATHS } from './journey.ts';

/** Regular weekly hours, one row per weekday that has any (dated rules are left to closures and extra days). */
export function weeklyHours(office: Office, t: Texts): [string, string][] {
  const rows: [string, string][] = [];
  for (const day of WEEKDAYS) {
    const spans = office.hours
      .filter((h) => h.days.includes(day) && !h.validFrom && !h.validTo)
      .map((h) => [h.from, h.to] as const)
      .sort((a, b) => a[0].localeCompare(b[0]));
    if (spans.length === 0) continue;
    const text = spans.map(([from, to]) => `${from}–${to}`).join(', ');
    rows.push([t.weekdays[day], t.common.clock(text)]);
  }
  return rows;
}

export function registerStartPage(app: FastifyInstance, { ctx }: WebDeps): void {
  // a short address a city's website may link to: the first step (keeps ?lang=)
  app.get('/buchen', async (req, reply) => {
    const lang = (req.query as Record<string, unknown>).lang;
    return reply.redirect(`${PATHS.concerns}${lang === 'de' || lang === 'en' ? `?lang=${lang}` : ''}`, 303);
  });

  app.get('/', async (req, reply) => {
    const env = await pageEnv(ctx, req, reply);
    const catalog = await ctx.catalog();
    const offices: OfficeCard[] = catalog.config.offices.map((o) => ({
      id: o.id, name: o.name, address: o.address, phone: o.phone, email: o.email, hours: weeklyHours(o, env.t),
    }));
    const session = await loadSession(ctx, req);
    const resume = !!(session.data.services && session.data.contact && !session.data.booked);
    return sendPage(reply, StartPage({ frame: env.frame, offices, resume }));
  });
}
