// Answers to requests refused before any route runs, in the same form as every
// other answer: the API's JSON error `{ error, message }` (an HTML page for a
// browser outside /api), the security headers, `Cache-Control: no-store`, and
// never a body for HEAD.
//
// Two places refuse such requests:
// - Fastify's router (`frameworkErrors`): a broken %-escape in the path (400),
//   a path segment over maxParamLength (414). There is a request object.
// - Node's HTTP parser (`clientErrorHandler`): a NUL or control character in the
//   request line, something that is not HTTP (400), address and headers over
//   the header size limit (431), a request not received in time (408). There is
//   only the socket and the bytes that failed, read here as well as they can be.
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { ConnectionError, FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../app/context.ts';
import type { Locale } from '../domain/types.ts';
import { pickLocale } from './api/request.ts';
import { message } from './messages.ts';
import { SECURITY_HEADERS } from './security-headers.ts';
import { LANG_COOKIE } from './web/page.ts';
import { badUrlPageHtml, webBadUrl } from './web/plugin.ts';

/** How long a refused request's answer may wait for the organization's name and language. */
const CATALOG_WAIT_MS = 1000;
/** How long a refused connection may stay open after its answer, for the client to read it. */
const LINGER_MS = 5000;

const CODES: Record<number, { error: string; key: string }> = {
  400: { error: 'bad_request', key: 'error.bad_url' },
  408: { error: 'request_timeout', key: 'error.request_timeout' },
  414: { error: 'uri_too_long', key: 'error.uri_too_long' },
  431: { error: 'headers_too_large', key: 'error.headers_too_large' },
};

const LANG_COOKIE_VALUE = new RegExp(`(?:^|;\\s*)${LANG_COOKIE}=(de|en)(?:;|$)`);

type Catalog = Awaited<ReturnType<AppContext['catalog']>>;

function catalogSoon(ctx: AppContext): Promise<Catalog | null> {
  return Promise.race([
    ctx.catalog(),
    new Promise<null>((resolve) => setTimeout(() => resolve(null), CATALOG_WAIT_MS).unref()),
  ]).catch(() => null);
}

/** A browser outside the API gets a page; everything else the API's JSON. */
function wantsPage(path: string, accept: unknown): boolean {
  return !path.startsWith('/api/') && String(accept ?? '').includes('text/html');
}

/** The query of a raw target, read leniently: a broken escape stays as sent. */
function rawQuery(target: string): Record<string, string> {
  const i = target.indexOf('?');
  if (i < 0) return {};
  const out: Record<string, string> = {};
  for (const part of target.slice(i + 1).split('&')) {
    const eq = part.indexOf('=');
    const [k, v] = eq < 0 ? [part, ''] : [part.slice(0, eq), part.slice(eq + 1)];
    if (!(k in out)) out[lenientDecode(k)] = lenientDecode(v);
  }
  return out;
}

function lenientDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/** Fastify's `frameworkErrors`: the router refused the path. */
export function frameworkErrorsHandler(ctx: AppContext) {
  return (err: FastifyError, req: FastifyRequest, reply: FastifyReply): void => {
    answerFrameworkError(ctx, err, req, reply).catch((e: unknown) => {
      req.log.error({ err: e }, 'answering a refused request failed');
      if (!reply.sent) reply.raw.destroy();
    });
  };
}

async function answerFrameworkError(ctx: AppContext, err: FastifyError, req: FastifyRequest, reply: FastifyReply): Promise<void> {
  const status = err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 400;
  const { error, key } = CODES[status];
  // the router gave up before parsing the query and before the onRequest hooks ran
  Object.assign(req, { query: rawQuery(req.raw.url ?? '') });
  const catalog = await catalogSoon(ctx);
  if (catalog) req.orgLocale = catalog.config.organization.defaultLocale;
  reply.headers({ ...SECURITY_HEADERS, 'cache-control': 'no-store' });
  if (wantsPage(req.url, req.headers.accept)) {
    await webBadUrl(ctx, req, reply, status);
    return;
  }
  const locale = pickLocale((req.query as Record<string, string>).lang, req.headers['accept-language'], req.orgLocale ?? 'de');
  await reply.status(status).send({ error, message: message(key, locale) });
}

interface RawHead {
  method: string | null;
  target: string;
  headers: Record<string, string>;
}

/** The request line and headers in the bytes that failed, as far as they are there. */
export function readRawHead(packet: Buffer | undefined): RawHead {
  const text = packet ? packet.subarray(0, 64 * 1024).toString('latin1') : '';
  const lines = text.split(/\r?\n/);
  const line = /^([A-Z][A-Z-]{0,19}) (\S*)(?: HTTP\/\d(?:\.\d)?)?$/.exec(lines[0] ?? '');
  const headers: Record<string, string> = {};
  for (const h of line ? lines.slice(1) : lines) {
    if (h === '') break;
    const m = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \t]*(.*?)[ \t]*$/.exec(h);
    if (m && !(m[1].toLowerCase() in headers)) headers[m[1].toLowerCase()] = m[2];
  }
  return { method: line?.[1] ?? null, target: line?.[2] ?? '', headers };
}

type ParserError = Error & { code?: string; rawPacket?: Buffer };

/** Fastify's `clientErrorHandler`: Node's parser refused the request; answer on the socket itself. */
export function clientErrorHandler(ctx: AppContext) {
  const answered = new WeakSet<Socket>();
  return (error: ConnectionError, socket: Socket): void => {
    // the type says JSON, Node gives the Buffer of the bytes that failed
    const err = error as unknown as ParserError;
    // after an error the parser refuses every further chunk of the connection: answer once
    if (answered.has(socket)) return;
    answered.add(socket);
    if (err.code === 'ECONNRESET' || socket.destroyed) return;
    // a response of this connection is already on its way: a second one would garble it
    const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (!socket.writable || inFlight?.headersSent) {
      socket.destroy();
      return;
    }
    answerClientError(ctx, err, socket).catch(() => socket.destroy());
  };
}

async function answerClientError(ctx: AppContext, err: ParserError, socket: Socket): Promise<void> {
  const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const head = readRawHead(err.rawPacket);
  const path = head.target.split('?')[0];
  const query = rawQuery(head.target);
  const catalog = await catalogSoon(ctx);
  const fallback: Locale = catalog?.config.organization.defaultLocale ?? 'de';
  let type: string;
  let body: string;
  if (wantsPage(path, head.headers.accept)) {
    const cookie = LANG_COOKIE_VALUE.exec(head.headers.cookie ?? '')?.[1] as Locale | undefined;
    const lang = query.lang === 'de' || query.lang === 'en' ? query.lang : cookie;
    type = 'text/html; charset=utf-8';
    body = await badUrlPageHtml(catalog, lang ?? null);
  } else {
    const { error, key } = CODES[status];
    type = 'application/json; charset=utf-8';
    body = JSON.stringify({ error, message: message(key, pickLocale(query.lang, head.headers['accept-language'], fallback)) });
  }
  if (socket.destroyed || !socket.writable) return;
  const payload = Buffer.from(body, 'utf8');
  const headers: Record<string, string> = {
    ...SECURITY_HEADERS,
    'cache-control': 'no-store',
    'content-type': type,
    'content-length': String(payload.length),
    date: new Date().toUTCString(),
    connection: 'close',
  };
  const text = `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n`;
  // a HEAD answer has no body; a request whose line did not survive is answered like a GET
  socket.end(head.method === 'HEAD' ? Buffer.from(text, 'latin1') : Buffer.concat([Buffer.from(text, 'latin1'), payload]));
  // close for good once the client has read the answer (or gave up): ending alone
  // keeps a silent client's connection open, destroying at once may reset it unread
  setTimeout(() => socket.destroy(), LINGER_MS).unref();
}
