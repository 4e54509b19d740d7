// A fuzzed request as data (so that a failing one can be kept in
// regressions.json and replayed), the sessions that send them (cookies, CSRF
// token, the appointment they booked), and the checks every answer must pass:
// no 5xx, an answer within ANSWER_TIMEOUT_MS, the security headers and
// Cache-Control on every answer, and no body for HEAD.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';

export type Actor = 'anonymous' | 'admin' | `citizen:${CitizenStep}`;
export const CITIZEN_STEPS = ['start', 'concerns', 'office', 'held', 'contact', 'booked'] as const;
export type CitizenStep = (typeof CITIZEN_STEPS)[number];

export interface FuzzRequest {
  method: string;
  /** path and query as sent; `{ref}`, `{token}`, `{holdId}` are filled in from the session or the set-up */
  url: string;
  headers?: Record<string, string>;
  /** the body as sent (placeholders filled in too) */
  body?: string;
  /** whose cookies go with it (default anonymous: none) */
  as?: Actor;
  /** a form: the session's CSRF token is put first in the body */
  csrf?: boolean;
}

export interface Regression {
  note: string;
  request: FuzzRequest;
}

export const ANSWER_TIMEOUT_MS = 10_000;

/** Percent-encodes the UTF-8 bytes of `s` (a lone surrogate becomes U+FFFD); never throws, unlike encodeURIComponent. */
export function percentEncode(s: string): string {
  let out = '';
  for (const byte of Buffer.from(s, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-_.~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

export function formBody(pairs: [string, string][]): string {
  return pairs.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join('&');
}

/** Requests made so far, by every session and the fuzzer together, and their answers' statuses. */
export const counter = { requests: 0, statuses: {} as Record<number, number>, slowest: [] as { ms: number; what: string }[] };

/** A browser in miniature: keeps cookies, reads the CSRF token of the last page. */
export class Session {
  cookies = new Map<string, string>();
  csrf = '';
  /** placeholders this session fills in: ref, token of its appointment */
  vars: Record<string, string> = {};
  uses = 0;
  stale = false;

  constructor(readonly server: FastifyInstance, readonly ip: string) {}

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  absorb(r: LightMyRequestResponse): void {
    for (const c of r.cookies) {
      if (c.maxAge === 0 || (c.expires && new Date(c.expires).getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const m = /name="_csrf" value="([^"]+)"/.exec(r.body);
    if (m) this.csrf = m[1];
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    const r = await inject(this.server, { url, headers: { accept: 'text/html', cookie: this.cookieHeader, 'x-forwarded-for': this.ip } });
    this.absorb(r);
    return r;
  }

  async post(url: string, form: Record<string, string>): Promise<LightMyRequestResponse> {
    const r = await inject(this.server, {
      method: 'POST', url, payload: formBody([['_csrf', this.csrf], ...Object.entries(form)]),
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', cookie: this.cookieHeader, 'x-forwarded-for': this.ip },
    });
    this.absorb(r);
    return r;
  }
}

export class FuzzFailure extends Error {
  constructor(readonly request: FuzzRequest, readonly problem: string) {
    super(`${problem}: ${request.method} ${request.url.slice(0, 300)}${request.as ? ` as ${request.as}` : ''}${request.body ? ` body ${JSON.stringify(request.body.slice(0, 300))}` : ''}`);
  }
}

/** inject with the checks every answer must pass (a failed check throws FuzzFailure). */
export async function inject(server: FastifyInstance, opts: InjectOptions, request?: FuzzRequest): Promise<LightMyRequestResponse> {
  counter.requests++;
  const described: FuzzRequest = request ?? { method: String(opts.method ?? 'GET'), url: String(opts.url), body: typeof opts.payload === 'string' ? opts.payload : undefined };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new FuzzFailure(described, `no answer within ${ANSWER_TIMEOUT_MS} ms`)), ANSWER_TIMEOUT_MS);
  });
  let r: LightMyRequestResponse;
  const started = performance.now();
  try {
    r = await Promise.race([server.inject(opts), timeout]);
    counter.statuses[r.statusCode] = (counter.statuses[r.statusCode] ?? 0) + 1;
    if (process.env.FUZZ_TRACE) console.log('TRACE', r.statusCode, described.method, String(opts.url).slice(0, 90), String(typeof opts.payload === 'string' ? opts.payload : '').slice(0, 150), '=>', r.body.slice(0, 120).replace(/\s+/g, ' '));
    const ms = performance.now() - started;
    if (counter.slowest.length < 5 || ms > counter.slowest[4].ms) {
      counter.slowest = [...counter.slowest, { ms, what: `${described.method} ${described.url.slice(0, 80)} → ${r.statusCode}` }].sort((a, b) => b.ms - a.ms).slice(0, 5);
    }
  } catch (e) {
    if (e instanceof FuzzFailure) throw e;
    throw new FuzzFailure(described, `inject failed: ${(e as Error).message}`);
  } finally {
    clearTimeout(timer);
  }
  const problem = answerProblem(String(opts.method ?? 'GET'), r);
  if (problem) throw new FuzzFailure(described, problem);
  return r;
}

function answerProblem(method: string, r: LightMyRequestResponse): string | null {
  if (r.statusCode >= 500) return `${r.statusCode} ${r.body.slice(0, 300)}`;
  if (r.headers['x-frame-options'] !== 'DENY' || !r.headers['content-security-policy']) return `${r.statusCode} without the security headers`;
  if (!r.headers['cache-control']) return `${r.statusCode} without Cache-Control`;
  if (method === 'HEAD' && r.body !== '') return `HEAD ${r.statusCode} with a body`;
  return null;
}

/** Fills `{name}` placeholders (also percent-encoded) from the session's values, then the set-up's. */
export function fill(text: string, ...sources: Record<string, string>[]): string {
  return text.replace(/(?:\{|%7B)(ref|token|holdId)(?:\}|%7D)/g, (m, name: string) => {
    for (const s of sources) if (s[name] !== undefined) return s[name];
    return m;
  });
}
