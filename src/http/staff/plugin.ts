// The staff back office under /staff: its own cookie and CSRF scope, login and
// logout, the auth hook (every route but the login page needs a session;
// anonymous browsers are sent to the login page), and the route modules.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import type { AppContext } from '../../app/context.ts';
import { resolveSession } from '../../app/staff/resolve-session.ts';
import { isDatabaseUnavailable } from '../../db/unavailable.ts';
import { ControlCharacterError } from '../control-characters.ts';
import { DomainError } from '../../domain/errors.ts';
import { sendPage } from '../web/page.ts';
import { StaffErrorPage } from '../views/staff/staff-error-page.tsx';
import { STAFF_CSS } from '../views/staff/staff-layout.tsx';
import { registerLoginRoutes } from './login.ts';
import { registerDayRoutes } from './day.ts';
import { registerExportRoutes } from './export.ts';
import { registerAppointmentRoutes } from './appointment.ts';
import { registerContactRoutes } from './contact.ts';
import { registerBookRoutes } from './book.ts';
import { STAFF_COOKIE, staffEnv } from './staff-page.ts';
import { registerStaffApi } from './api.ts';
import { registerClosureRoutes } from './closure.ts';
import { registerPlanRoutes } from './plans.ts';
import { registerUserRoutes } from './users.ts';
import { registerAccountRoutes } from './account.ts';
import { FEED_PREFIX, registerCalendarFeedRoutes } from './calendar-feeds.ts';
import { registerKioskLinkRoutes } from './kiosk-links.ts';
import { registerSettingsRoutes } from './settings.ts';
import { registerDeskRoutes } from './desk.ts';

export interface StaffDeps {
  ctx: AppContext;
  write: RouteShorthandOptions;
}

/** Routes anyone may reach (and the calendar feeds under FEED_PREFIX, which check their own token). */
const PUBLIC = new Set(['/staff/login', '/staff/staff.css']);

export async function registerStaffPages(app: FastifyInstance, ctx: AppContext, write: RouteShorthandOptions = {}): Promise<void> {
  await app.register(async (staff) => {
    await staff.register(cookie);
    await staff.register(csrf, {
      sessionPlugin: '@fastify/cookie',
      cookieKey: 'amtszeit_staff_csrf',
      cookieOpts: { path: '/staff', httpOnly: true, sameSite: 'strict', secure: 'auto' },
    });
    staff.decorateRequest('staffUser', null);
    staff.addHook('preHandler', async (req, reply) => {
      // a page's background refresh (public/staff-refresh.js: day view, counter view) is nobody's action: it does not keep an idle session alive
      req.staffUser = await resolveSession(ctx, req.cookies[STAFF_COOKIE], { touch: req.headers['x-amtszeit-refresh'] !== '1' });
      const path = req.url.split('?')[0];
      if (req.staffUser || PUBLIC.has(path) || path.startsWith(FEED_PREFIX)) return;
      if (req.cookies[STAFF_COOKIE]) reply.clearCookie(STAFF_COOKIE, { path: '/' });
      const next = req.method === 'GET' ? `&next=${encodeURIComponent(req.url)}` : '';
      return reply.redirect(`/staff/login?reason=${req.cookies[STAFF_COOKIE] ? 'expired' : 'login'}${next}`, 303);
    });
    staff.setErrorHandler((err: FastifyError, req, reply) => staffError(err, req, reply));

    staff.get('/staff/staff.css', async (_req, reply) => reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=86400').send(STAFF_CSS));
    const deps: StaffDeps = { ctx, write };
    registerLoginRoutes(staff, deps);
    registerDayRoutes(staff, deps);
    registerExportRoutes(staff, deps);
    registerAppointmentRoutes(staff, deps);
    registerContactRoutes(staff, deps);
    registerBookRoutes(staff, deps);
    registerClosureRoutes(staff, deps);
    registerPlanRoutes(staff, deps);
    registerUserRoutes(staff, deps);
    registerAccountRoutes(staff, deps);
    registerCalendarFeedRoutes(staff, deps);
    registerKioskLinkRoutes(staff, deps);
    registerSettingsRoutes(staff, deps);
    registerDeskRoutes(staff, deps);
  });
  await registerStaffApi(app, ctx, write);
}

async function staffError(err: FastifyError, req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const { t, frame } = staffEnv(req, reply);
  let status = 500;
  let text = t.errors.internal;
  let title = t.errors.internal;
  if (err instanceof DomainError && err.code === 'not_found') [status, title, text] = [404, t.errors.notFound, t.errors.notFoundText];
  else if (err instanceof DomainError) [status, title, text] = [err.code === 'validation' ? 400 : 409, t.appt.notAllowed, t.appt.notAllowed];
  else if (err.code?.startsWith('FST_CSRF')) [status, title, text] = [403, t.errors.csrf, t.errors.csrf];
  else if (err instanceof ControlCharacterError) [status, title, text] = [400, t.errors.badInput, t.errors.badInput];
  else if (err.statusCode === 429) [status, title, text] = [429, t.login.throttled, t.login.throttled];
  else if (err.statusCode && err.statusCode < 500) [status, title, text] = [err.statusCode, t.errors.notFound, t.errors.notFoundText];
  else if ((err instanceof DomainError && err.code === 'busy') || isDatabaseUnavailable(err)) [status, title, text] = [503, t.errors.busy, t.errors.busyText];
  if (status === 503) {
    req.log.warn({ err: { code: err.code, message: err.message } }, 'database unavailable');
    reply.header('Retry-After', '5');
  } else if (status >= 500) req.log.error({ err }, 'unexpected error in the back office');
  return sendPage(reply, StaffErrorPage({ frame, title, text }), status);
}
