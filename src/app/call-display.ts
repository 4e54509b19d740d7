// The waiting-room display of an office (public, no login): its name, the
// organization's time zone, and the last calls of today — waiting number and
// desk name only. Unknown offices are not_found.
import { DomainError } from '../domain/errors.ts';
import { queueRulesOf } from '../domain/queue-rules.ts';
import { localDateOf } from '../domain/time.ts';
import { lastDisplayCalls } from '../db/repositories/queue-display-repo.ts';
import type { AppContext } from './context.ts';

/** How many calls a display shows (the newest highlighted). */
export const DISPLAY_CALLS = 7;

export interface DisplayCall {
  number: string;
  desk: string;
  /** when called, ISO */
  at: string;
  /** local time of the call, `HH:MM` */
  time: string;
  /** 1 for the first call, 2 after "erneut aufrufen", … */
  count: number;
}

export interface CallDisplayState {
  calls: DisplayCall[];
}

export interface DisplayOffice {
  id: string;
  name: string;
  tz: string;
}

export async function displayOffice(ctx: AppContext, officeId: string): Promise<DisplayOffice> {
  const catalog = await ctx.catalog();
  const office = catalog.offices.get(officeId);
  if (!office) throw new DomainError('not_found');
  return { id: office.id, name: office.name, tz: catalog.config.organization.timezone };
}

export async function loadCallDisplay(ctx: AppContext, officeId: string): Promise<CallDisplayState> {
  const catalog = await ctx.catalog();
  const office = catalog.offices.get(officeId);
  if (!office) throw new DomainError('not_found');
  const tz = catalog.config.organization.timezone;
  const desks = queueRulesOf(office).desks;
  const rows = await lastDisplayCalls(ctx.db, ctx.orgId, officeId, localDateOf(ctx.now(), tz), DISPLAY_CALLS);
  const clock = new Intl.DateTimeFormat('de-DE', { timeZone: tz, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return {
    calls: rows.map((r) => ({
      number: r.number,
      desk: desks.find((d) => d.id === r.desk)?.name ?? r.desk ?? '',
      at: r.called_at.toISOString(),
      time: clock.format(r.called_at),
      count: r.call_count,
    })),
  };
}
