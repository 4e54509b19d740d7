// The citizen booking pages: cookies, CSRF (checked in preHandler, once the
// form body is parsed), static assets (KERN UX CSS and fonts self-hosted),
// HTML error pages, and one route module per journey step.
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import fastifyStatic from '@fastify/static';
import type { AppContext } from '../../app/context.ts';
import { NoOrganizationError } from '../../app/context.ts';
import type { Locale } from '../../domain/types.ts';
import { isDatabaseUnavailable } from '../../db/unavailable.ts';
import { ControlCharacterError } from '../control-characters.ts';
import { DomainError } from '../../domain/errors.ts';
import { ErrorPage } from '../views/pages/info-pages.tsx';
import { texts } from '../views/texts.ts';
import type { PageFrame } from '../views/layout.tsx';
import { pageEnv, sendPage, langUrl, pageLocale } from './page.ts';
import { registerStartPage } from './start.ts';
import { registerInfoPages } from './info.ts';
import { registerConcernsStep } from './steps/concerns.ts';
import { registerOfficeStep } from './steps/office.ts';
import { registerTimeStep } from './steps/time.ts';
import { registerContactStep } from './steps/contact.ts';
import { registerReviewStep } from './steps/review.ts';
import { registerDonePage } from './steps/done.ts';
import { registerManagePages } from './manage.ts';
import { registerExtendHold } from './steps/extend-hold.ts';
import { registerAssistant } from './assistant.ts';
import { registerHelpPages } from './help.ts';
import { registerKioskPages } from './kiosk.ts';

export interface WebDeps {
  ctx: AppContext;
  /** options for routes that write (holds, bookings, moves): the rate limit */
  write: RouteShorthandOptions;
  /** options for pages that compute availability (the time step): the read limit */
  read: RouteShorthandOptions;
}

const here = dirname(fileURLToPath(import.meta.url));
export const PUBLIC_DIR = join(here, '..', '..', '..', 'public');
const require = createRequire(import.meta.url);
export const KERN_DIR = join(dirname(require.resolve('@kern-ux/native/package.json')), 'dist');

export async function registerWebPages(
  app: FastifyInstance, ctx: AppContext, write: RouteShorthandOptions = {}, read: RouteShorthandOptions = {},
): Promise<void> {
  await app.register(async (web) => {
    // pages and assets only (this scope): the API's answers stay as they are
    await web.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });
    await web.register(cookie);
    await web.register(csrf, {
      sessionPlugin: '@fastify/cookie',
      cookieKey: 'amtszeit_csrf',
      cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', secure: 'auto' },
    });
    await web.register(fastifyStatic, {
      root: PUBLIC_DIR,
      prefix: '/static/',
      maxAge: '1d',
      index: false,
      wildcard: true,
    });
    await web.register(fastifyStatic, {
      root: KERN_DIR,
      prefix: '/static/kern/',
      decorateReply: false,
      maxAge: '1d',
      index: false,
      allowedPath: (path) => /^\/(kern\.min\.css|fonts\/(fira-sans|noto-sans)\/[\w-]+\.woff2)$/.test(path),
    });

    web.setErrorHandler((err: FastifyError, req, reply) => webError(ctx, err, req, reply));

    const deps: WebDeps = { ctx, write, read };
    registerStartPage(web, deps);
    registerInfoPages(web, deps);
    registerConcernsStep(web, deps);
    registerAssistant(web, deps);
    registerHelpPages(web, deps);
    registerOfficeStep(web, deps);
    registerTimeStep(web, deps);
    registerContactStep(web, deps);
    registerReviewStep(web, deps);
    registerExtendHold(web, deps);
    registerDonePage(web, deps);
    registerManagePages(web, deps);
    registerKioskPages(web, deps);
  });
}

/** An error page in the page's language; never a stack trace. */
async function webError(ctx: AppContext, err: FastifyError, req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  let status = 500;
  let kind: 'notFound' | 'csrf' | 'busy' | 'badInput' | 'internal' = 'internal';
  if (err instanceof DomainError && err.code === 'not_found') [status, kind] = [404, 'notFound'];
  else if (err instanceof DomainError && err.code === 'busy') [status, kind] = [503, 'busy'];
  else if (err instanceof DomainError) [status, kind] = [err.code === 'validation' ? 400 : 409, 'internal'];
  else if (err.code?.startsWith('FST_CSRF')) [status, kind] = [403, 'csrf'];
  else if (err instanceof ControlCharacterError) [status, kind] = [400, 'badInput'];
  else if (err.statusCode === 429) [status, kind] = [429, 'busy'];
  else if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) [status, kind] = [err.statusCode, 'notFound'];
  else if (err instanceof NoOrganizationError || isDatabaseUnavailable(err)) [status, kind] = [503, 'busy'];
  if (status >= 500 && kind === 'internal') req.log.error({ err }, 'unexpected error on a citizen page');
  if (status === 503) reply.header('Retry-After', '5');
  return sendPage(reply, await errorView(ctx, req, reply, kind), status);
}

type ErrorKind = 'notFound' | 'csrf' | 'busy' | 'badInput' | 'badUrl' | 'internal';

async function errorView(ctx: AppContext, req: FastifyRequest, reply: FastifyReply, kind: ErrorKind) {
  let frame: PageFrame;
  try {
    frame = (await pageEnv(ctx, req, reply)).frame;
  } catch {
    const locale = pageLocale(req, reply);
    const t = texts(locale);
    frame = { locale, t, city: '', langUrls: { de: langUrl(req, 'de'), en: langUrl(req, 'en') }, contacts: [] };
  }
  const t = frame.t;
  const appointment = req.url.startsWith('/termin/');
  const [title, text] = {
    notFound: appointment ? [t.manage.notFoundTitle, t.manage.notFoundText] : [t.errors.notFoundTitle, t.errors.notFoundText],
    csrf: [t.errors.csrfTitle, t.errors.csrfText],
    busy: [t.errors.busyTitle, t.errors.busyText],
    badInput: [t.errors.badInputTitle, t.errors.badInputText],
    badUrl: [t.errors.badUrlTitle, t.errors.badUrlText],
    internal: [t.errors.internalTitle, t.errors.internalText],
  }[kind];
  return ErrorPage({ frame, title, text });
}

/** Unknown addresses asked for by a browser get an HTML page; everything else the API's JSON. */
export function wantsHtml(req: FastifyRequest): boolean {
  if (req.url.startsWith('/api/')) return false;
  const accept = String(req.headers.accept ?? '');
  return req.method === 'GET' && accept.includes('text/html');
}

export async function webNotFound(ctx: AppContext, req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  withCookies(req, reply);
  return sendPage(reply, await errorView(ctx, req, reply, 'notFound'), 404);
}

/** A browser's request refused before routing (a broken %-escape, a path segment over the limit): an HTML page. */
export async function webBadUrl(ctx: AppContext, req: FastifyRequest, reply: FastifyReply, status: number): Promise<FastifyReply> {
  withCookies(req, reply);
  return sendPage(reply, await errorView(ctx, req, reply, 'badUrl'), status);
}

/**
 * The same page for a request Node's HTTP parser refused, which has no request
 * object (http/bad-requests.ts): the frame from the catalog if it answers, without
 * it otherwise. `locale` null: the organization's default.
 */
export async function badUrlPageHtml(catalog: Awaited<ReturnType<AppContext['catalog']>> | null, locale: Locale | null): Promise<string> {
  const chosen = locale ?? catalog?.config.organization.defaultLocale ?? 'de';
  const t = texts(chosen);
  const frame: PageFrame = {
    locale: chosen,
    t,
    city: catalog?.config.organization.name ?? '',
    langUrls: { de: '/?lang=de', en: '/?lang=en' },
    contacts: (catalog?.config.offices ?? []).map((o) => ({ name: o.name, phone: o.phone, email: o.email })),
  };
  return '<!doctype html>' + (await ErrorPage({ frame, title: t.errors.badUrlTitle, text: t.errors.badUrlText }).toString());
}

/** The cookie plugin lives in the web scope; outside it, parse the language cookie here by hand. */
function withCookies(req: FastifyRequest, reply: FastifyReply): void {
  if (!(req as { cookies?: unknown }).cookies) {
    const raw = String(req.headers.cookie ?? '');
    const jar: Record<string, string> = {};
    for (const part of raw.split(';')) {
      const i = part.indexOf('=');
      if (i > 0) jar[part.slice(0, i).trim()] = decodeCookieValue(part.slice(i + 1).trim());
    }
    Object.assign(req, { cookies: jar });
    Object.assign(reply, { setCookie: () => reply });
  }
}

/** A cookie value as sent; a malformed escape (`%zz`) is kept raw rather than failing the page. */
function decodeCookieValue(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
