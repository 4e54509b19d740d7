// What every back-office handler needs: the signed-in user, the page's language
// and frame, rendering, and Post/Redirect/Get.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { StaffUser } from '../../app/staff/access.ts';
import type { Locale } from '../../domain/types.ts';
import { langUrl, pageLocale } from '../web/page.ts';
import type { StaffFrame } from '../views/staff/staff-layout.tsx';
import { staffTexts, type StaffTexts } from '../views/staff/staff-texts.ts';

export const STAFF_COOKIE = 'amtszeit_staff';

declare module 'fastify' {
  interface FastifyRequest {
    staffUser: StaffUser | null;
  }
}

export interface StaffEnv {
  locale: Locale;
  t: StaffTexts;
  frame: StaffFrame;
}

export function staffEnv(req: FastifyRequest, reply: FastifyReply): StaffEnv {
  const locale = pageLocale(req, reply);
  const t = staffTexts(locale);
  const user = req.staffUser;
  return {
    locale,
    t,
    frame: {
      locale, t,
      langUrl: req.method === 'GET' ? langUrl(req, locale === 'de' ? 'en' : 'de') : `/staff?lang=${locale === 'de' ? 'en' : 'de'}`,
      csrf: reply.generateCsrf(),
      user: user ? { name: user.name, role: user.role } : null,
    },
  };
}

/** The signed-in user; the auth hook guarantees it on every route but the login page. */
export function userOf(req: FastifyRequest): StaffUser {
  if (!req.staffUser) throw Object.assign(new Error('not logged in'), { statusCode: 401 });
  return req.staffUser;
}

export function query(req: FastifyRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries((req.query as Record<string, unknown>) ?? {})) {
    if (typeof v === 'string') out[k] = v;
  }
  return out;
}

export function refParam(req: FastifyRequest): string {
  const r = (req.params as { reference?: string }).reference ?? '';
  return r.slice(0, 20);
}

/** Only paths inside the back office are followed after login. */
export function safeNext(next: string | undefined): string {
  return next && /^\/staff(\/[\w\-./?=&%]*)?$/.test(next) && !next.startsWith('//') ? next : '/staff';
}
