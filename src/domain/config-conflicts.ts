// Which upcoming appointments a new configuration would strand: an office or
// concern gone, the time no longer open, or its desk (lane) no longer staffed.
import { daySchedule } from './opening-windows.ts';
import { spanCapacity } from './lanes.ts';
import { localDateOf } from './time.ts';
import type { OrgConfig } from './types.ts';

export interface ExistingAppointment {
  reference: string;
  officeId: string;
  lane: number;
  start: number;
  end: number;
  services: { id: string }[];
}

export type ConflictReason = 'office_removed' | 'service_removed' | 'service_not_offered' | 'outside_hours' | 'over_capacity';

export interface ConfigConflict {
  appointment: ExistingAppointment;
  reason: ConflictReason;
  /** where in the new configuration, e.g. `offices[0].hours` */
  path: string;
  /** the concern, for service reasons */
  serviceId?: string;
}

export function findConfigConflicts(config: OrgConfig, appointments: ExistingAppointment[]): ConfigConflict[] {
  const conflicts: ConfigConflict[] = [];
  const serviceIds = new Set(config.services.map((s) => s.id));
  const org = config.organization;
  for (const a of appointments) {
    const officeIndex = config.offices.findIndex((o) => o.id === a.officeId);
    if (officeIndex < 0) {
      conflicts.push({ appointment: a, reason: 'office_removed', path: 'offices' });
      continue;
    }
    const office = config.offices[officeIndex];
    const gone = a.services.find((s) => !serviceIds.has(s.id));
    if (gone) {
      conflicts.push({ appointment: a, reason: 'service_removed', path: 'services', serviceId: gone.id });
      continue;
    }
    const notOffered = a.services.find((s) => !office.services.includes(s.id));
    if (notOffered) {
      conflicts.push({ appointment: a, reason: 'service_not_offered', path: `offices[${officeIndex}].services`, serviceId: notOffered.id });
      continue;
    }
    const schedule = daySchedule(office, org, localDateOf(a.start, org.timezone));
    const window = schedule.windows.find((w) => w.start <= a.start && a.end <= w.end);
    if (!window) {
      conflicts.push({ appointment: a, reason: 'outside_hours', path: `offices[${officeIndex}].hours` });
      continue;
    }
    const cap = spanCapacity(window, a.start, a.end);
    if (!cap || a.lane >= cap.counters) conflicts.push({ appointment: a, reason: 'over_capacity', path: `offices[${officeIndex}].hours` });
  }
  return conflicts;
}
