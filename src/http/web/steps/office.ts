// Between steps 1 and 2: choosing the office when several offer the concerns.
import type { FastifyInstance } from 'fastify';
import { findEarliestPerOffice } from '../../../app/find-earliest.ts';
import { releaseHold } from '../../../app/release-hold.ts';
import { checkSelection } from '../../../domain/service-selection.ts';
import type { Catalog } from '../../../app/catalog.ts';
import type { ServiceRequest } from '../../../domain/types.ts';
import { formatDateTime } from '../../views/format.ts';
import { OfficePage } from '../../views/pages/office-page.tsx';
import { PATHS, guard, officesFor } from '../journey.ts';
import { csrfToken, formBody, pageEnv, redirect, sendPage } from '../page.ts';
import type { WebDeps } from '../plugin.ts';
import { loadSession, saveSession, takeFlash } from '../session.ts';

export function registerOfficeStep(app: FastifyInstance, { ctx, write }: WebDeps): void {
  app.get(PATHS.office, async (req, reply) => {
    const env = await pageEnv(ctx, req, reply);
    const catalog = await ctx.catalog();
    const session = await loadSession(ctx, req);
    const to = guard(session.data, 'office', catalog);
    if (to) return redirect(reply, to);
    const services = session.data.services!;
    const offices = officesOffering(catalog, services);
    const earliest = await findEarliestPerOffice(ctx, { services });
    const flash = takeFlash(session, 'office');
    if (flash) await saveSession(ctx, req, reply, session);
    return sendPage(reply, OfficePage({
      frame: env.frame,
      csrf: csrfToken(reply),
      selected: session.data.office,
      offices: offices.map((o) => {
        const e = earliest.find((x) => x.office === o.id);
        return { id: o.id, name: o.name, address: o.address, earliest: e ? formatDateTime(e.date, e.time, env.t) : null };
      }),
      errors: flash ? [{ id: 'amt-0', message: flash.errors.office }] : [],
    }));
  });

  app.post(PATHS.office, { ...write, preHandler: app.csrfProtection }, async (req, reply) => {
    const env = await pageEnv(ctx, req, reply);
    const catalog = await ctx.catalog();
    const session = await loadSession(ctx, req);
    const to = guard(session.data, 'office', catalog);
    if (to) return redirect(reply, to);
    const services = session.data.services!;
    const chosen = formBody(req).office;
    const offices = officesOffering(catalog, services);
    if (!offices.some((o) => o.id === chosen)) {
      session.data.flash = { page: 'office', errors: { office: env.t.office.errRequired } };
      await saveSession(ctx, req, reply, session);
      return redirect(reply, PATHS.office);
    }
    if (session.data.office !== chosen && session.data.hold) {
      await releaseHold(ctx, session.data.hold.id).catch(() => undefined);
      delete session.data.hold;
      delete session.data.lost;
    }
    session.data.office = chosen;
    await saveSession(ctx, req, reply, session);
    return redirect(reply, PATHS.time);
  });
}

/** The offices where every chosen concern can be booked, in the configuration's order. */
function officesOffering(catalog: Catalog, services: ServiceRequest[]) {
  return officesFor(catalog, services).filter((o) => checkSelection(catalog.services, o, services).ok);
}
