// Step 4: review (GET) and the binding booking (POST) with the hold. A time
// lost meanwhile shows the nearest alternatives; the data is kept.
import type { FastifyInstance } from 'fastify';
import { bookAppointment } from '../../../app/book-appointment.ts';
import type { Catalog } from '../../../app/catalog.ts';
import { isDomainError } from '../../../domain/errors.ts';
import { selectionMinutes } from '../../../domain/service-selection.ts';
import { whatToBring } from '../../../domain/what-to-bring.ts';
import type { Texts } from '../../views/texts.ts';
import type { Locale, ServiceRequest } from '../../../domain/types.ts';
import { message } from '../../messages.ts';
import { ReviewPage, type ReviewData } from '../../views/pages/review-page.tsx';
import { PATHS, currentHold, guard } from '../journey.ts';
import { csrfToken, pageEnv, redirect, sendPage } from '../page.ts';
import type { WebDeps } from '../plugin.ts';
import { loadSession, saveSession, takeFlash } from '../session.ts';
import type { SlotTime } from '../../../app/slot-time.ts';

/** The combined checklist as lines: each document once, "per person (3×)" where needed several times. */
export function bringLines(t: Texts, concerns: { documents: readonly string[]; quantity: number }[]): string[] {
  return whatToBring(concerns).map((d) => (d.times > 1 ? t.review.perPerson(d.text, d.times) : d.text));
}

/** Concern names, quantities, fees and the combined, de-duplicated list of documents. */
export function concernSummary(catalog: Catalog, services: ServiceRequest[], locale: Locale, t?: Texts) {
  const concerns = services.map((r) => {
    const s = catalog.services.get(r.id);
    return { name: s ? s.name[locale] : r.id, quantity: r.quantity, fee: s?.fee ? s.fee[locale] : null };
  });
  const asked = services.map((r) => ({ documents: catalog.services.get(r.id)?.documents[locale] ?? [], quantity: r.quantity }));
  const documents = t ? bringLines(t, asked) : whatToBring(asked).map((d) => d.text);
  return { concerns, documents };
}

export function registerReviewStep(app: FastifyInstance, { ctx, write }: WebDeps): void {
  app.get(PATHS.review, async (req, reply) => {
    const env = await pageEnv(ctx, req, reply);
    const catalog = await ctx.catalog();
    const session = await loadSession(ctx, req);
    const to = guard(session.data, 'review', catalog);
    if (to) return redirect(reply, to);
    const j = session.data;
    const flash = takeFlash(session, 'review');
    if (flash) await saveSession(ctx, req, reply, session);
    const office = catalog.offices.get(j.office!)!;
    const hold = currentHold(j);
    const { concerns, documents } = concernSummary(catalog, j.services!, env.locale, env.t);
    const data: ReviewData = {
      concerns,
      documents,
      durationMinutes: selectionMinutes(catalog.services, j.services!, office.slotMinutes),
      office: { name: office.name, address: office.address },
      startsAt: hold?.startsAt ?? j.lost!.startsAt,
      expiresAt: hold?.expiresAt ?? null,
      remainingSeconds: hold ? (Date.parse(hold.expiresAt) - ctx.now()) / 1000 : 0,
      contact: j.contact!,
    };
    return sendPage(reply, ReviewPage({
      frame: env.frame, csrf: csrfToken(reply), data, lost: hold ? undefined : j.lost, limitReached: !!flash?.errors.limit,
    }));
  });

  app.post(PATHS.review, { ...write, preHandler: app.csrfProtection }, async (req, reply) => {
    const env = await pageEnv(ctx, req, reply);
    const catalog = await ctx.catalog();
    const session = await loadSession(ctx, req);
    const to = guard(session.data, 'review', catalog);
    if (to) return redirect(reply, to);
    const j = session.data;
    const hold = currentHold(j);
    if (!hold) return redirect(reply, PATHS.review);
    try {
      const r = await bookAppointment(ctx, {
        office: j.office,
        services: j.services!,
        startsAt: hold.startsAt,
        holdId: hold.id,
        contact: { name: j.contact!.name, email: j.contact!.email, phone: j.contact!.phone || null },
        consent: true,
        locale: env.locale,
      });
      // The journey is over: keep only what the confirmation page shows.
      session.data = {
        booked: { reference: r.appointment.reference, token: r.manageToken, email: j.contact!.email, status: r.appointment.status },
      };
      await saveSession(ctx, req, reply, session);
      return redirect(reply, PATHS.done);
    } catch (e) {
      if (!isDomainError(e)) throw e;
      if (e.code === 'slot_unavailable') {
        j.lost = { startsAt: hold.startsAt, alternatives: (e.details.alternatives ?? []) as SlotTime[] };
        delete j.hold;
        await saveSession(ctx, req, reply, session);
        return redirect(reply, PATHS.review);
      }
      if (e.code === 'limit_reached') {
        j.flash = { page: 'review', errors: { limit: 'limit' } };
        await saveSession(ctx, req, reply, session);
        return redirect(reply, PATHS.review);
      }
      if (e.code === 'validation') {
        const errors: Record<string, string> = {};
        for (const [path, p] of Object.entries(e.details.fields ?? {})) {
          if (path.startsWith('contact.')) errors[path.slice(8)] = message(p.key, env.locale, p.params);
        }
        if (Object.keys(errors).length > 0) {
          j.flash = { page: 'contact', errors, values: { ...j.contact!, consent: 'ja' } };
          await saveSession(ctx, req, reply, session);
          return redirect(reply, PATHS.contact);
        }
        // the choice of concerns no longer fits the configuration: choose again
        delete j.hold;
        await saveSession(ctx, req, reply, session);
        return redirect(reply, PATHS.concerns);
      }
      throw e;
    }
  });
}
