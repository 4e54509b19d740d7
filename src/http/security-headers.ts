// The security headers of every answer, computed once from helmet's options:
// the same set goes on answers of routes (an onRequest hook in server.ts) and
// on answers written before any route runs (bad-requests.ts: a broken address,
// headers over the limit), so that no answer lacks them.
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';

const OPTIONS: HelmetOptions = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'"], imgSrc: ["'self'", 'data:'], frameAncestors: ["'none'"],
      // off: on a plain-http address (a demo on the LAN) it would make browsers fetch CSS and JS over https
      upgradeInsecureRequests: null,
    },
  },
  // agrees with frame-ancestors 'none': no page of ours is ever framed
  xFrameOptions: { action: 'deny' },
};

function computeHeaders(options: HelmetOptions): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader(name: string, value: unknown) { headers[name.toLowerCase()] = String(value); },
    removeHeader(name: string) { delete headers[name.toLowerCase()]; },
  };
  helmet(options)({} as IncomingMessage, res as unknown as ServerResponse, (err?: unknown) => { if (err) throw err; });
  return Object.freeze(headers);
}

/** Lower-case header name → value, e.g. `x-frame-options: DENY`. */
export const SECURITY_HEADERS = computeHeaders(OPTIONS);
