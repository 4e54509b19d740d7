// What every citizen page handler needs: the page's language, the frame
// (city, contacts, language links), rendering JSX and redirecting (303).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { JSX } from 'hono/jsx/jsx-runtime';
import type { AppContext } from '../../app/context.ts';
import type { Locale } from '../../domain/types.ts';
import type { PageFrame } from '../views/layout.tsx';
import { texts, type Texts } from '../views/texts.ts';

export const LANG_COOKIE = 'amtszeit_lang';

/** `?lang=` (remembered in a cookie), then the cookie, then the organization's default. */
export function pageLocale(req: FastifyRequest, reply: FastifyReply, fallback: Locale = req.orgLocale ?? 'de'): Locale {
  const q = (req.query as Record<string, unknown> | undefined)?.lang;
  if (q === 'de' || q === 'en') {
    if (req.cookies[LANG_COOKIE] !== q) {
      reply.setCookie(LANG_COOKIE, q, { path: '/', httpOnly: true, sameSite: 'lax', secure: req.protocol === 'https', maxAge: 365 * 86400 });
    }
    return q;
  }
  const c = req.cookies[LANG_COOKIE];
  if (c === 'de' || c === 'en') return c;
  return fallback;
}

/** This page's address with `lang` set, keeping the path and the rest of the query. */
export function langUrl(req: FastifyRequest, lang: Locale): string {
  const url = new URL(req.url, 'http://x');
  if (req.method !== 'GET' && req.method !== 'HEAD') return `/?lang=${lang}`;
  url.searchParams.set('lang', lang);
  return `${url.pathname}${url.search}`;
}

export interface PageEnv {
  locale: Locale;
  t: Texts;
  frame: PageFrame;
}

export async function pageEnv(ctx: AppContext, req: FastifyRequest, reply: FastifyReply): Promise<PageEnv> {
  const catalog = await ctx.catalog();
  const org = catalog.config.organization;
  const locale = pageLocale(req, reply, org.defaultLocale);
  const t = texts(locale);
  return {
    locale,
    t,
    frame: {
      locale,
      t,
      city: org.name,
      langUrls: { de: langUrl(req, 'de'), en: langUrl(req, 'en') },
      contacts: catalog.config.offices.map((o) => ({ name: o.name, phone: o.phone, email: o.email })),
    },
  };
}

export async function sendPage(reply: FastifyReply, page: JSX.Element, status = 200): Promise<FastifyReply> {
  const html = '<!doctype html>' + (await page.toString());
  return reply
    .status(status)
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(html);
}

/** Post/Redirect/Get: every successful (or failed) POST ends in a 303 to a page. */
export function redirect(reply: FastifyReply, to: string): FastifyReply {
  return reply.redirect(to, 303);
}

/** The CSRF token for the forms on this page (the secret sits in an HttpOnly cookie). */
export function csrfToken(reply: FastifyReply): string {
  return reply.generateCsrf();
}

export function formBody(req: FastifyRequest): Record<string, string> {
  const body = req.body;
  if (!body || typeof body !== 'object') return {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
    if (typeof v === 'string') out[k] = v;
    else if (Array.isArray(v) && typeof v[0] === 'string') out[k] = v[0];
  }
  return out;
}
