// Keeping a held time longer (from the contact and review pages). If the hold
// is already gone, the same time is held anew when it is still free; else the
// review shows the nearest alternatives.
import type { FastifyInstance } from 'fastify';
import { extendHold } from '../../../app/extend-hold.ts';
import { holdSlot } from '../../../app/hold-slot.ts';
import type { SlotTime } from '../../../app/slot-time.ts';
import { isDomainError } from '../../../domain/errors.ts';
import { PATHS, currentHold, guard } from '../journey.ts';
import { formBody, redirect } from '../page.ts';
import type { WebDeps } from '../plugin.ts';
import { loadSession, saveSession } from '../session.ts';
import { clip } from '../../clip.ts';

export const EXTEND_PATH = '/buchen/reservierung';

export function registerExtendHold(app: FastifyInstance, { ctx, write }: WebDeps): void {
  app.post(EXTEND_PATH, { ...write, preHandler: app.csrfProtection }, async (req, reply) => {
    const catalog = await ctx.catalog();
    const session = await loadSession(ctx, req);
    const to = guard(session.data, 'contact', catalog);
    if (to) return redirect(reply, to);
    const j = session.data;
    const body = formBody(req);
    const back = body.zurueck === 'pruefen' && j.contact ? PATHS.review : PATHS.contact;
    // from the contact form: keep what was typed so far (checked when the form is sent)
    if (body.zurueck === 'kontakt' && ['name', 'email', 'phone'].some((k) => k in body)) {
      j.flash = {
        page: 'contact', errors: {},
        values: { name: clip(body.name ?? '', 500), email: clip(body.email ?? '', 500), phone: clip(body.phone ?? '', 100), consent: body.consent === 'ja' ? 'ja' : '' },
      };
    }
    const hold = currentHold(j);
    if (!hold) return redirect(reply, back);
    try {
      const r = await extendHold(ctx, hold.id);
      hold.expiresAt = r.expiresAt;
    } catch (e) {
      if (!isDomainError(e) || e.code !== 'not_found') throw e;
      try {
        const r = await holdSlot(ctx, { office: j.office, services: j.services!, startsAt: hold.startsAt });
        Object.assign(hold, { id: r.holdId, expiresAt: r.expiresAt });
      } catch (e2) {
        if (!isDomainError(e2) || e2.code !== 'slot_unavailable') throw e2;
        j.lost = { startsAt: hold.startsAt, alternatives: (e2.details.alternatives ?? []) as SlotTime[] };
        delete j.hold;
        await saveSession(ctx, req, reply, session);
        return redirect(reply, j.contact ? PATHS.review : PATHS.time);
      }
    }
    await saveSession(ctx, req, reply, session);
    return redirect(reply, back);
  });
}
