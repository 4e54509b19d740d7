// Calendar feeds per office: the page for leads (own offices) and admins
// (/staff/kalender?office=ID: list, create — the address is shown once, in
// the answer to the POST — and revoke), and the feed itself,
// GET /staff/kalender/feed/TOKEN.ics, which needs no session (calendar apps
// send no cookie; plugin.ts lets it pass): text/calendar, or 404 for an
// unknown or revoked token, 429 after too many wrong tokens from one address.
// The token is masked in the logs (http/server.ts).
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { userOffices } from '../../app/staff/access.ts';
import { createCalendarFeed } from '../../app/staff/create-calendar-feed.ts';
import { listOfficeFeeds } from '../../app/staff/list-calendar-feeds.ts';
import { officeCalendarFeed } from '../../app/staff/office-calendar-feed.ts';
import { revokeCalendarFeed } from '../../app/staff/revoke-calendar-feed.ts';
import { DomainError } from '../../domain/errors.ts';
import { formBody, redirect, sendPage } from '../web/page.ts';
import type { FormError } from '../views/staff/admin-parts.tsx';
import { adminTexts } from '../views/staff/admin-texts.ts';
import { CalendarFeedsPage } from '../views/staff/calendar-feeds-page.tsx';
import { formErrors, param, when } from './admin-forms.ts';
import type { StaffDeps } from './plugin.ts';
import { query, staffEnv, userOf } from './staff-page.ts';
import { clip } from '../clip.ts';

export const FEED_PREFIX = '/staff/kalender/feed/';

export function registerCalendarFeedRoutes(app: FastifyInstance, { ctx, write }: StaffDeps): void {
  async function page(req: FastifyRequest, reply: FastifyReply, opts: { errors?: FormError[]; label?: string; newUrl?: string; status?: number } = {}) {
    const user = userOf(req);
    const catalog = await ctx.catalog();
    const mine = user.role === 'clerk' ? [] : userOffices(user, catalog);
    const officeId = query(req).office ?? mine[0];
    if (!officeId) throw new DomainError('not_found');
    const feeds = await listOfficeFeeds(ctx, user, { office: officeId });
    const tz = catalog.config.organization.timezone;
    const { frame, locale } = staffEnv(req, reply);
    const a = adminTexts(locale);
    return sendPage(reply, CalendarFeedsPage({
      frame, errors: opts.errors ?? [], label: opts.label ?? '', newUrl: opts.newUrl,
      notice: !opts.status && query(req).ok === 'revoked' ? a.feeds.revoked : undefined,
      office: { id: officeId, name: catalog.offices.get(officeId)?.name ?? officeId },
      offices: mine.map((id) => ({ id, name: catalog.offices.get(id)?.name ?? id })),
      feeds: feeds.map((f) => ({ id: f.id, label: f.label, createdBy: f.createdBy.name, created: when(f.createdAt, tz) ?? '', lastUsed: when(f.lastUsedAt, tz) })),
    }), opts.status ?? 200);
  }

  app.get('/staff/kalender', async (req, reply) => page(req, reply));

  app.post('/staff/kalender', { ...write, preHandler: app.csrfProtection }, async (req, reply) => {
    const label = clip(formBody(req).label ?? '', 300);
    try {
      const r = await createCalendarFeed(ctx, userOf(req), { office: query(req).office ?? '', label });
      return page(req, reply, { newUrl: r.url });
    } catch (e) {
      return page(req, reply, { errors: formErrors(e, adminTexts(staffEnv(req, reply).locale)), label, status: 400 });
    }
  });

  app.post('/staff/kalender/:id/widerrufen', { ...write, preHandler: app.csrfProtection }, async (req, reply) => {
    const office = query(req).office ?? '';
    await revokeCalendarFeed(ctx, userOf(req), { office, id: param(req, 'id') });
    return redirect(reply, `/staff/kalender?office=${encodeURIComponent(office)}&ok=revoked`);
  });

  app.get(`${FEED_PREFIX}:file`, async (req, reply) => {
    const file = String((req.params as { file?: string }).file ?? '');
    const token = file.endsWith('.ics') ? file.slice(0, -4) : '';
    const r = await officeCalendarFeed(ctx, { token, ip: req.ip, locale: query(req).lang === 'en' ? 'en' : 'de' });
    reply.header('cache-control', 'no-store').header('x-robots-tag', 'noindex').header('referrer-policy', 'no-referrer');
    if (r.kind === 'throttled') return reply.status(429).header('retry-after', '900').type('text/plain; charset=utf-8').send('Too many requests\n');
    if (r.kind === 'not_found') return reply.status(404).type('text/plain; charset=utf-8').send('Not found\n');
    const etag = `"${createHash('sha256').update(r.content).digest('base64url').slice(0, 27)}"`;
    reply.header('etag', etag);
    if (req.headers['if-none-match'] === etag) return reply.status(304).send();
    return reply.type('text/calendar; charset=utf-8').header('content-disposition', 'inline; filename="termine.ics"').send(r.content);
  });
}
