// Closing an office: form, preview of the affected appointments, apply (leads and admins).
import type { FastifyInstance } from 'fastify';
import { userOffices } from '../../app/staff/access.ts';
import { closeOffice } from '../../app/staff/close-office.ts';
import { DomainError, isDomainError } from '../../domain/errors.ts';
import { formBody, redirect, sendPage } from '../web/page.ts';
import { ClosurePage, type ClosureForm } from '../views/staff/closure-page.tsx';
import type { StaffDeps } from './plugin.ts';
import { query, staffEnv, userOf } from './staff-page.ts';

function readForm(src: Record<string, string>): ClosureForm {
  const s = (k: string) => (src[k] ?? '').trim().slice(0, 300);
  return { office: s('office'), from: s('from'), to: s('to') || s('from'), fromTime: s('fromTime'), toTime: s('toTime'), reason: s('reason') };
}

export function registerClosureRoutes(app: FastifyInstance, { ctx, write }: StaffDeps): void {
  app.get('/staff/schliessen', async (req, reply) => {
    const user = userOf(req);
    const catalog = await ctx.catalog();
    const form = readForm(query(req));
    if (user.role === 'clerk' || !userOffices(user, catalog).includes(form.office)) throw new DomainError('not_found');
    const { frame } = staffEnv(req, reply);
    const offices = userOffices(user, catalog).map((id) => ({ id, name: catalog.offices.get(id)?.name ?? id }));
    return sendPage(reply, ClosurePage({ frame, offices, form, errors: [], preview: null }));
  });

  app.post('/staff/schliessen', { ...write, preHandler: app.csrfProtection }, async (req, reply) => {
    const user = userOf(req);
    const catalog = await ctx.catalog();
    const body = formBody(req);
    const form = readForm(body);
    const { locale, t, frame } = staffEnv(req, reply);
    const offices = userOffices(user, catalog).map((id) => ({ id, name: catalog.offices.get(id)?.name ?? id }));
    const apply = body.step === 'apply';
    try {
      const r = await closeOffice(ctx, user, {
        ...form, fromTime: form.fromTime || undefined, toTime: form.toTime || undefined, apply, cancelAffected: body.cancelAffected === 'ja', locale,
      });
      if (!apply) return sendPage(reply, ClosurePage({ frame, offices, form, errors: [], preview: r.affected }));
      return redirect(reply, `/staff?office=${encodeURIComponent(form.office)}&date=${form.from}&closed=${r.affected.length}-${r.cancelled.length}`);
    } catch (e) {
      if (!isDomainError(e) || e.code !== 'validation') throw e;
      const fields = e.details.fields ?? {};
      const errors = Object.keys(fields).map((id) => ({
        id, message: id === 'reason' ? t.appt.reasonRequired : id === 'toTime' ? t.closure.invalidTime : t.closure.invalidDate,
      }));
      return sendPage(reply, ClosurePage({ frame, offices, form, errors, preview: null }), 400);
    }
  });
}
