// The self-service kiosk of an office, at a kiosk link's address (only where
// `queue.kiosk` is on and the link is not revoked; else the 404 page, also for
// /kiosk/{officeId} without a link): GET /kiosk/{officeId}/{token} shows the form, POST checks
// in by the booking reference (app/queue/kiosk-check-in.ts) and answers with
// the page itself (200; no redirect, so the waiting number is in no address or
// history), which returns to the empty form after 20 seconds. The POST is
// CSRF-protected like every citizen form and counts against the shared write
// limit per client address. Nothing personal is logged: the reference is
// neither in the URL nor in a log line.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { kioskCheckIn, kioskOffice, type KioskResult } from '../../app/queue/kiosk-check-in.ts';
import { kioskPath } from '../../app/queue/kiosk-link-token.ts';
import { KioskPage, type KioskOutcome } from '../views/kiosk/kiosk-page.tsx';
import { kioskTexts, type KioskTexts } from '../views/kiosk/kiosk-texts.ts';
import { csrfToken, formBody, pageLocale, sendPage } from './page.ts';
import type { WebDeps } from './plugin.ts';

type Params = { officeId: string; token: string };

function outcomeOf(t: KioskTexts, r: KioskResult): KioskOutcome {
  if (r.ok) return { kind: 'number', number: r.number, waitMinutes: r.waitMinutes };
  switch (r.why) {
    case 'too_early': return { kind: 'message', text: t.tooEarly(r.time), error: true };
    case 'too_late': return { kind: 'message', text: t.tooLate, error: true };
    case 'already': return { kind: 'message', text: t.already, error: false };
    default: return { kind: 'message', text: t.unknown, error: true };
  }
}

export function registerKioskPages(app: FastifyInstance, deps: WebDeps): void {
  const { ctx, write } = deps;

  const show = async (req: FastifyRequest, reply: FastifyReply, outcome: KioskOutcome, problem?: string) => {
    const { officeId, token } = req.params as Params;
    const qo = await kioskOffice(ctx, officeId, token);
    const locale = pageLocale(req, reply, qo.catalog.config.organization.defaultLocale);
    const page = KioskPage({
      locale, office: qo.office.name, url: kioskPath(qo.office.id, token), csrf: csrfToken(reply), outcome, problem,
    });
    return sendPage(reply, page, problem ? 400 : 200);
  };

  app.get<{ Params: Params }>('/kiosk/:officeId/:token', async (req, reply) => show(req, reply, { kind: 'form' }));

  app.post<{ Params: Params }>('/kiosk/:officeId/:token', {
    ...write,
    // a switched-off kiosk is not there for a POST either (404 before the CSRF check's 403)
    preHandler: [async (req: FastifyRequest) => { const p = req.params as Params; await kioskOffice(ctx, p.officeId, p.token); }, app.csrfProtection],
  }, async (req, reply) => {
    const { officeId, token } = req.params;
    const qo = await kioskOffice(ctx, officeId, token);
    const t = kioskTexts(pageLocale(req, reply, qo.catalog.config.organization.defaultLocale));
    const reference = (formBody(req).buchungsnummer ?? '').trim();
    if (!reference) return show(req, reply, { kind: 'form' }, t.empty);
    const result = await kioskCheckIn(ctx, { office: officeId, token, reference: reference.slice(0, 40) });
    return show(req, reply, outcomeOf(t, result));
  });
}
