// The confirmation page after booking (from the session: no data in the URL).
import type { FastifyInstance } from 'fastify';
import { getAppointment } from '../../../app/get-appointment.ts';
import { DonePage } from '../../views/pages/done-page.tsx';
import { PATHS } from '../journey.ts';
import { pageEnv, redirect, sendPage } from '../page.ts';
import type { WebDeps } from '../plugin.ts';
import { loadSession } from '../session.ts';
import { manageUrls } from '../manage.ts';
import { bringLines } from './review.ts';

export function registerDonePage(app: FastifyInstance, { ctx }: WebDeps): void {
  app.get(PATHS.done, async (req, reply) => {
    const env = await pageEnv(ctx, req, reply);
    const catalog = await ctx.catalog();
    const session = await loadSession(ctx, req);
    const b = session.data.booked;
    if (!b) return redirect(reply, PATHS.start);
    const a = await getAppointment(ctx, { reference: b.reference, token: b.token, locale: env.locale });
    const office = catalog.offices.get(a.office);
    const urls = manageUrls(a.reference, b.token);
    return sendPage(reply, DonePage({
      frame: env.frame,
      reference: a.reference,
      pending: a.status === 'pending',
      checkin: a.status === 'booked',
      startsAt: a.startsAt,
      office: { name: office?.name ?? a.office, address: office?.address ?? '' },
      concerns: a.services.map((s) => ({ name: s.name, quantity: s.quantity })),
      documents: bringLines(env.t, a.services),
      email: b.email,
      manageUrl: urls.self,
      icsUrl: urls.ics,
    }));
  });
}
