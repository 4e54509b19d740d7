// The self-service kiosk of an office (public, only where `queue.kiosk` is on;
// elsewhere the 404 page): GET /kiosk/{officeId} shows the form, POST checks
// in by the booking reference (app/queue/kiosk-check-in.ts) and answers with
// the page itself (200; no redirect, so the waiting number is in no address or
// history), which returns to the empty form after 20 seconds. The POST is
// CSRF-protected like every citizen form and counts against the shared write
// limit per client address. Nothing personal is logged: the reference is
// neither in the URL nor in a log line.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { kioskCheckIn, kioskOffice, type KioskResult } from '../../app/queue/kiosk-check-in.ts';
import { KioskPage, type KioskOutcome } from '../views/kiosk/kiosk-page.tsx';
import { kioskTexts, type KioskTexts } from '../views/kiosk/kiosk-texts.ts';
import { csrfToken, formBody, pageLocale, sendPage } from './page.ts';
import type { WebDeps } from './plugin.ts';

type Params = { officeId: string };

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
    const { officeId } = req.params as Params;
    const qo = await kioskOffice(ctx, officeId);
    const locale = pageLocale(req, reply, qo.catalog.config.organization.defaultLocale);
    const page = KioskPage({
      locale, office: qo.office.name, url: `/kiosk/${encodeURIComponent(qo.office.id)}`, csrf: csrfToken(reply), outcome, problem,
    });
    return sendPage(reply, page, problem ? 400 : 200);
  };

  app.get<{ Params: Params }>('/kiosk/:officeId', async (req, reply) => show(req, reply, { kind: 'form' }));

  app.post<{ Params: Params }>('/kiosk/:officeId', {
    ...write,
    // a switched-off kiosk is not there for a POST either (404 before the CSRF check's 403)
    preHandler: [async (req: FastifyRequest) => { await kioskOffice(ctx, (req.params as Params).officeId); }, app.csrfProtection],
  }, async (req, reply) => {
    const { officeId } = req.params;
    const qo = await kioskOffice(ctx, officeId);
    const t = kioskTexts(pageLocale(req, reply, qo.catalog.config.organization.defaultLocale));
    const reference = (formBody(req).buchungsnummer ?? '').trim();
    if (!reference) return show(req, reply, { kind: 'form' }, t.empty);
    const result = await kioskCheckIn(ctx, { office: officeId, reference: reference.slice(0, 40) });
    return show(req, reply, outcomeOf(t, result));
  });
}
