// Closing an office: form, preview of the affected appointments with a choice
// for each, apply (leads and admins); see plan-change-routes.ts.
import type { FastifyInstance } from 'fastify';
import { closeOffice } from '../../app/staff/close-office.ts';
import type { StaffDeps } from './plugin.ts';
import { registerPlanChangeRoute } from './plan-change-routes.ts';

export function registerClosureRoutes(app: FastifyInstance, deps: StaffDeps): void {
  registerPlanChangeRoute(app, deps, {
    path: '/staff/schliessen', kind: 'closure',
    run: (user, form, locale, step) => closeOffice(deps.ctx, user, {
      office: form.office, from: form.from, to: form.to, fromTime: form.fromTime || undefined, toTime: form.toTime || undefined,
      reason: form.reason, locale, ...step,
    }),
  });
}
