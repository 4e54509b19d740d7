// Use case: the nearest free times for a phone booking (phone lanes), or for a
// walk-in (every counter): today's remaining times first, then the next days.
import { dayTimes } from '../../domain/availability.ts';
import { addDays, localDateOf } from '../../domain/time.ts';
import type { ServiceRequest } from '../../domain/types.ts';
import { DomainError } from '../../domain/errors.ts';
import type { AppContext } from '../context.ts';
import { loadEngineInput } from '../engine-input.ts';
import { checkOfficeSelection } from '../resolve-selection.ts';
import { slotTime, type SlotTime } from '../slot-time.ts';
import { requireOffice, type StaffUser } from './access.ts';

export async function findFreeTimes(
  ctx: AppContext, user: StaffUser,
  q: { office: string; services: ServiceRequest[]; channel: 'phone' | 'counter'; count?: number; days?: number },
): Promise<{ durationMinutes: number; times: SlotTime[] }> {
  const catalog = await ctx.catalog();
  requireOffice(user, q.office, catalog);
  const sel = checkOfficeSelection(catalog, q.office, q.services);
  if (!sel.ok) throw new DomainError('validation', { fields: sel.fields });
  const { office, durationMinutes } = sel.value;
  const now = ctx.now();
  const tz = catalog.config.organization.timezone;
  const today = localDateOf(now, tz);
  const days = q.days ?? 14;
  const count = q.count ?? 8;
  const { input } = await loadEngineInput(ctx.db, {
    catalog, office, durationMinutes, channel: q.channel, now, from: today, to: addDays(today, days),
  });
  const times: SlotTime[] = [];
  for (let d = 0; d <= days && times.length < count; d++) {
    for (const ms of dayTimes(input, addDays(today, d))) {
      times.push(slotTime(ms, tz));
      if (times.length >= count) break;
    }
  }
  return { durationMinutes, times };
}
