// Step 2: the calendar (GET) and holding the chosen time (POST), also for
// "earliest free appointment" and for the alternatives after a lost time.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { holdSlot } from '../../../app/hold-slot.ts';
import { releaseHold } from '../../../app/release-hold.ts';
import type { SlotTime } from '../../../app/slot-time.ts';
import { isDomainError } from '../../../domain/errors.ts';
import { parseRfc3339 } from '../../../domain/time.ts';
import { TimePage } from '../../views/pages/time-page.tsx';
import { PATHS, afterTime, currentHold, guard, selectionKey } from '../journey.ts';
import { csrfToken, formBody, pageEnv, redirect, sendPage } from '../page.ts';
import type { WebDeps } from '../plugin.ts';
import { loadSession, saveSession, takeFlash } from '../session.ts';
import { buildTimeChoice } from '../time-choice.ts';

export function registerTimeStep(app: FastifyInstance, deps: WebDeps): void {
  const { ctx, write, read } = deps;
  app.get(PATHS.time, read, async (req, reply) => {
    const env = await pageEnv(ctx, req, reply);
    const catalog = await ctx.catalog();
    const session = await loadSession(ctx, req);
    const to = guard(session.data, 'time', catalog);
    if (to) return redirect(reply, to);
    const flash = takeFlash(session, 'time');
    if (flash) await saveSession(ctx, req, reply, session);
    const hold = currentHold(session.data);
    const choice = await buildTimeChoice(ctx, {
      office: session.data.office!,
      services: session.data.services!,
      query: req.query as Record<string, unknown>,
      base: PATHS.time,
      action: PATHS.time,
      earliestAction: PATHS.earliest,
      submitLabel: env.t.calendar.hold,
      earliestLabel: env.t.calendar.earliestTake,
      errors: flash ? Object.entries(flash.errors).map(([, message]) => ({ id: 'zeiten', message })) : [],
      alternatives: flash?.alternatives,
      preferMonth: hold?.startsAt.slice(0, 7),
      selected: hold?.startsAt,
    });
    return sendPage(reply, TimePage({ frame: env.frame, csrf: csrfToken(reply), choice, held: hold }));
  });

  const submit = async (req: FastifyRequest, reply: FastifyReply) => {
    const env = await pageEnv(ctx, req, reply);
    const catalog = await ctx.catalog();
    const session = await loadSession(ctx, req);
    const to = guard(session.data, 'time', catalog);
    if (to) return redirect(reply, to);
    const j = session.data;
    const body = formBody(req);
    const startsAt = body.startsAt || body.startsAtList;
    const day = typeof body.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(body.date) ? body.date : undefined;
    const back = day ? `${PATHS.time}?monat=${day.slice(0, 7)}&tag=${day}#zeiten` : PATHS.time;
    if (!startsAt || parseRfc3339(startsAt) === null) {
      j.flash = { page: 'time', errors: { startsAt: env.t.calendar.errTime } };
      await saveSession(ctx, req, reply, session);
      return redirect(reply, back);
    }
    const current = currentHold(j);
    if (current && current.startsAt === startsAt) {
      delete j.lost;
      await saveSession(ctx, req, reply, session);
      return redirect(reply, afterTime(j));
    }
    // Give the previous hold back first: it may stand in the way of the new one.
    if (j.hold) await releaseHold(ctx, j.hold.id).catch(() => undefined);
    delete j.hold;
    try {
      const hold = await holdSlot(ctx, { office: j.office, services: j.services!, startsAt });
      j.hold = { id: hold.holdId, office: j.office!, startsAt, expiresAt: hold.expiresAt, services: selectionKey(j.services!) };
      delete j.lost;
      await saveSession(ctx, req, reply, session);
      return redirect(reply, afterTime(j));
    } catch (e) {
      if (!isDomainError(e) || (e.code !== 'slot_unavailable' && e.code !== 'validation')) throw e;
      j.flash = {
        page: 'time',
        errors: { startsAt: e.code === 'slot_unavailable' ? env.t.calendar.errTaken : env.t.calendar.errTime },
        alternatives: e.code === 'slot_unavailable' ? (e.details.alternatives as SlotTime[] | undefined) : undefined,
      };
      await saveSession(ctx, req, reply, session);
      return redirect(reply, back);
    }
  };
  app.post(PATHS.time, { ...write, preHandler: app.csrfProtection }, submit);
  app.post(PATHS.earliest, { ...write, preHandler: app.csrfProtection }, submit);
}
