// Calendar feeds per office: the page for leads (own offices) and admins
// (/staff/kalender?office=ID: list, create, revoke; office-links.ts), and the feed itself,
// GET /staff/kalender/feed/TOKEN.ics, which needs no session (calendar apps
// send no cookie; plugin.ts lets it pass): text/calendar, or 404 for an
// unknown or revoked token, 429 after too many wrong tokens from one address.
// The token is masked in the logs (http/server.ts).
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { createCalendarFeed } from '../../app/staff/create-calendar-feed.ts';
import { listOfficeFeeds } from '../../app/staff/list-calendar-feeds.ts';
import { officeCalendarFeed } from '../../app/staff/office-calendar-feed.ts';
import { revokeCalendarFeed } from '../../app/staff/revoke-calendar-feed.ts';
import { registerOfficeLinkPages } from './office-links.ts';
import type { StaffDeps } from './plugin.ts';
import { query } from './staff-page.ts';

export const FEED_PREFIX = '/staff/kalender/feed/';

export function registerCalendarFeedRoutes(app: FastifyInstance, deps: StaffDeps): void {
  const { ctx } = deps;
  registerOfficeLinkPages(app, deps, {
    path: '/staff/kalender',
    texts: (a) => a.feeds,
    list: async (c, user, q) => (await listOfficeFeeds(c, user, q)).map((f) => ({ ...f, createdBy: f.createdBy.name })),
    create: createCalendarFeed,
    revoke: revokeCalendarFeed,
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
