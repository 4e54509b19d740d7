// Step 1: concerns and quantities. view / validate / submit.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { findServices } from '../../../domain/service-search.ts';
import { FinderResults, type FinderView } from '../../views/pages/assistant-finder.tsx';
import { releaseHold } from '../../../app/release-hold.ts';
import type { Catalog } from '../../../app/catalog.ts';
import { checkSelection } from '../../../domain/service-selection.ts';
import type { Locale, ServiceRequest } from '../../../domain/types.ts';
import { ConcernsPage, type ConcernItem } from '../../views/pages/concerns-page.tsx';
import type { Texts } from '../../views/texts.ts';
import { PATHS, afterTime, currentHold, officesFor, selectionKey } from '../journey.ts';
import { csrfToken, formBody, pageEnv, redirect, sendPage } from '../page.ts';
import type { WebDeps } from '../plugin.ts';
import type { AppContext } from '../../../app/context.ts';
import { loadSession, saveSession, takeFlash, type Journey } from '../session.ts';
import { clip } from '../../clip.ts';

const FIELD = (id: string) => `anzahl-${id}`;

/** The `q` of the finder's GET form, trimmed; undefined when there is none. */
function searchQuery(req: FastifyRequest): string | undefined {
  const q = (req.query as Record<string, unknown>).q;
  return typeof q === 'string' && q.trim() !== '' ? clip(q.trim(), 200) : undefined;
}

/** The finder's answer among the concerns some office offers, best first. */
export function finderView(catalog: Catalog, locale: Locale, q: string | undefined): FinderView | undefined {
  if (q === undefined) return undefined;
  const offered = new Set(catalog.config.offices.flatMap((o) => o.services));
  const r = findServices(catalog.config.services.filter((s) => offered.has(s.id)), q, catalog.config.assistant);
  return {
    q,
    results: r.services.map((s) => ({ id: s.id, name: s.name[locale], area: s.area[locale] })),
    redirect: r.redirect?.[locale],
    notFound: r.notFound?.[locale],
  };
}

export function hasAssistant(catalog: Catalog): boolean {
  return (catalog.config.assistant?.questions.length ?? 0) > 0;
}

export function maxServicesOf(catalog: Catalog): number {
  return Math.max(1, ...catalog.config.offices.map((o) => o.booking.maxServices));
}

function view(catalog: Catalog, locale: Locale, quantities: Map<string, number>) {
  const offered = new Set(catalog.config.offices.flatMap((o) => o.services));
  const areas: { name: string; items: ConcernItem[] }[] = [];
  for (const s of catalog.config.services) {
    if (!offered.has(s.id)) continue;
    const area = s.area[locale];
    let group = areas.find((a) => a.name === area);
    if (!group) areas.push((group = { name: area, items: [] }));
    group.items.push({
      id: s.id, name: s.name[locale], minutes: s.minutes, maxQuantity: s.maxQuantity, fee: s.fee ? s.fee[locale] : null,
      quantity: quantities.get(s.id) ?? 0,
    });
  }
  return areas;
}

/** Reads the form into requests; every problem becomes a message by field. */
export function validateConcerns(catalog: Catalog, body: Record<string, string>, t: Texts, locale: Locale):
  { ok: true; services: ServiceRequest[]; offices: string[] } | { ok: false; list?: string; items: Record<string, string> } {
  const items: Record<string, string> = {};
  const services: ServiceRequest[] = [];
  for (const s of catalog.config.services) {
    const raw = body[FIELD(s.id)];
    if (raw === undefined || raw === '' || raw === '0') continue;
    const q = Number(raw);
    if (!Number.isInteger(q) || q < 1 || q > s.maxQuantity) items[s.id] = t.concerns.errQuantity(s.name[locale], s.maxQuantity);
    else services.push({ id: s.id, quantity: q });
  }
  if (Object.keys(items).length > 0) return { ok: false, items };
  if (services.length === 0) return { ok: false, list: t.concerns.errEmpty, items };
  const offering = officesFor(catalog, services);
  if (offering.length === 0) return { ok: false, list: t.concerns.errNoOffice, items };
  const fitting = offering.filter((o) => checkSelection(catalog.services, o, services).ok);
  if (fitting.length === 0) {
    const max = Math.max(...offering.map((o) => o.booking.maxServices));
    return { ok: false, list: t.concerns.errTooMany(max), items };
  }
  return { ok: true, services, offices: fitting.map((o) => o.id) };
}

export function registerConcernsStep(app: FastifyInstance, { ctx, write }: WebDeps): void {
  app.get(PATHS.concerns, async (req, reply) => {
    const env = await pageEnv(ctx, req, reply);
    const catalog = await ctx.catalog();
    const session = await loadSession(ctx, req);
    const fresh = (req.query as Record<string, unknown>).neu === '1';
    if (fresh && session.id) {
      session.data = {};
      await saveSession(ctx, req, reply, session);
    }
    const flash = takeFlash(session, 'concerns');
    if (flash) await saveSession(ctx, req, reply, session);
    const quantities = new Map<string, number>();
    if (flash?.values) {
      for (const s of catalog.config.services) {
        const v = Number(flash.values[FIELD(s.id)] ?? 0);
        if (Number.isInteger(v) && v > 0) quantities.set(s.id, v);
      }
    } else {
      for (const r of session.data.services ?? []) quantities.set(r.id, r.quantity);
    }
    const areas = view(catalog, env.locale, quantities);
    const errors = flash ? Object.entries(flash.errors).map(([key, message]) => ({ id: key === '_list' ? 'anliegen' : FIELD(key), message })) : [];
    const itemErrors = flash ? Object.fromEntries(Object.entries(flash.errors).filter(([k]) => k !== '_list')) : {};
    let total: number | null = null;
    if (quantities.size > 0) {
      total = [...quantities].reduce((sum, [id, q]) => sum + (catalog.services.get(id)?.minutes ?? 0) * q, 0);
    }
    return sendPage(reply, ConcernsPage({
      frame: env.frame, csrf: csrfToken(reply), areas, maxServices: maxServicesOf(catalog), totalMinutes: total,
      errors, listError: flash?.errors._list, itemErrors,
      finder: finderView(catalog, env.locale, searchQuery(req)), assistant: hasAssistant(catalog),
    }));
  });

  // The finder's results alone, for finder.js (filter as you type); no session, no cookies.
  app.get(`${PATHS.concerns}/suche`, async (req, reply) => {
    const env = await pageEnv(ctx, req, reply);
    const catalog = await ctx.catalog();
    const html = await FinderResults({ t: env.t, finder: finderView(catalog, env.locale, searchQuery(req)) })!.toString();
    return reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html);
  });

  app.post(PATHS.concerns, { ...write, preHandler: app.csrfProtection }, async (req, reply) => {
    const env = await pageEnv(ctx, req, reply);
    const catalog = await ctx.catalog();
    const session = await loadSession(ctx, req);
    const body = formBody(req);
    const r = validateConcerns(catalog, body, env.t, env.locale);
    if (!r.ok) {
      const errors: Record<string, string> = { ...r.items };
      if (r.list) errors._list = r.list;
      const values = Object.fromEntries(Object.entries(body).filter(([k]) => k.startsWith('anzahl-')));
      session.data.flash = { page: 'concerns', errors, values };
      await saveSession(ctx, req, reply, session);
      return redirect(reply, PATHS.concerns);
    }
    const next = await applySelection(ctx, session.data, r);
    await saveSession(ctx, req, reply, session);
    return redirect(reply, next);
  });
}

/**
 * Puts a valid choice of concerns into the journey (releasing a hold made for
 * another choice) and says where to go next: the office, the time, or on.
 * The caller saves the session. Used by step 1 and by the assistant.
 */
export async function applySelection(ctx: AppContext, j: Journey, r: { services: ServiceRequest[]; offices: string[] }): Promise<string> {
  delete j.booked;
  const changed = !j.services || selectionKey(j.services) !== selectionKey(r.services);
  j.services = r.services;
  if (!j.office || !r.offices.includes(j.office)) j.office = r.offices.length === 1 ? r.offices[0] : undefined;
  if (changed || !currentHold(j)) {
    if (j.hold) await releaseHold(ctx, j.hold.id).catch(() => undefined);
    delete j.hold;
    delete j.lost;
  }
  if (r.offices.length > 1) return PATHS.office;
  return currentHold(j) ? afterTime(j) : PATHS.time;
}
