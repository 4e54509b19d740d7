// Use case: an office's calendar feed for the holder of its token (no session:
// calendar apps send no cookie). The feed acts with the rights of the user who
// made it: it answers only while that user is active and still a lead of the
// office (or an admin). Unknown, revoked or powerless tokens are `null` (404)
// and counted per IP address; after too many the answer is `throttled`.
// Contents: the office's appointments from 7 days back to the end of the
// booking horizon, cancelled ones and holds left out (mail/staff-feed-event.ts
// says what an event shows and why no name).
import { countLoginFailures, recordLoginFailure } from '../../db/repositories/staff-user-repo.ts';
import { findCalendarFeed, touchCalendarFeed } from '../../db/repositories/staff-calendar-feed-repo.ts';
import { dayRows } from '../../db/repositories/staff-appointment-repo.ts';
import { addDays, localDateOf, zonedInstant } from '../../domain/time.ts';
import type { Locale } from '../../domain/types.ts';
import { mailAppointment } from '../../mail/appointment-data.ts';
import { buildCalendarFeed } from '../../mail/calendar.ts';
import { staffFeedEvent } from '../../mail/staff-feed-event.ts';
import { effectiveStatus } from '../appointment-view.ts';
import type { AppContext } from '../context.ts';
import { formatReference, hashToken } from '../tokens.ts';
import { canWorkIn } from './access.ts';
import { looksLikeFeedToken, MAX_WRONG_FEED_TOKENS_PER_IP } from './calendar-feed-token.ts';
import { THROTTLE_MINUTES } from './log-in.ts';

export const FEED_DAYS_BACK = 7;
export const FEED_REFRESH_MINUTES = 15;

export type FeedResult = { kind: 'ok'; content: string } | { kind: 'not_found' } | { kind: 'throttled' };

export async function officeCalendarFeed(ctx: AppContext, q: { token: string; ip: string; locale: Locale }): Promise<FeedResult> {
  const now = ctx.now();
  const ipKey = `feed-ip:${q.ip}`;
  const since = new Date(now - THROTTLE_MINUTES * 60_000);
  if ((await countLoginFailures(ctx.db, { orgId: ctx.orgId, key: ipKey, since })) >= MAX_WRONG_FEED_TOKENS_PER_IP) return { kind: 'throttled' };
  const catalog = await ctx.catalog();
  const feed = looksLikeFeedToken(q.token) ? await findCalendarFeed(ctx.db, { orgId: ctx.orgId, idHash: hashToken(q.token) }) : undefined;
  const creator = feed?.creator;
  const valid = feed && creator && creator.active && creator.role !== 'clerk'
    && catalog.offices.has(feed.officeId)
    && canWorkIn({ id: creator.id, email: creator.email, name: creator.name, role: creator.role, offices: creator.offices }, feed.officeId, catalog);
  if (!feed || !valid) {
    await recordLoginFailure(ctx.db, { orgId: ctx.orgId, keys: [ipKey], at: new Date(now) });
    return { kind: 'not_found' };
  }
  if (!feed.lastUsedAt || now - feed.lastUsedAt.getTime() > 5 * 60_000) await touchCalendarFeed(ctx.db, { orgId: ctx.orgId, id: feed.id, at: new Date(now) });

  const office = catalog.offices.get(feed.officeId)!;
  const config = catalog.config;
  const tz = config.organization.timezone;
  const today = localDateOf(now, tz);
  const from = zonedInstant(addDays(today, -FEED_DAYS_BACK), 0, tz);
  const to = zonedInstant(addDays(today, office.booking.horizonDays + 1), 0, tz);
  const rows = await dayRows(ctx.db, { orgId: ctx.orgId, officeId: feed.officeId, from: new Date(from), to: new Date(to), now: new Date(now) });
  const base = config.organization.publicUrl.replace(/\/+$/, '');
  const events = rows
    .filter((r) => r.status !== 'held' && effectiveStatus(r, now) !== 'cancelled')
    .map((r) => staffFeedEvent(mailAppointment(r, config, q.locale), {
      lane: r.lane, channel: r.channel, status: r.status, locale: q.locale, conflict: r.conflict !== null,
      staffUrl: `${base}/staff/termin/${formatReference(r.reference ?? '')}`,
    }));
  const content = buildCalendarFeed({ name: `${office.name} – ${config.organization.name}`, from, to, refreshMinutes: FEED_REFRESH_MINUTES, events });
  return { kind: 'ok', content };
}
