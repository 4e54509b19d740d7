// Which methods a path answers to: the route table, kept as every route is
// registered, so that a known API path asked with another method gets 405 with
// `Allow` instead of a 404 that says the address does not exist.
import type { FastifyInstance } from 'fastify';

interface KnownRoute {
  pattern: RegExp;
  methods: Set<string>;
}

/** `/api/v1/appointments/:reference/cancel` → a RegExp matching concrete paths. */
export function routePattern(url: string): RegExp {
  const source = url
    .split('/')
    .map((part) => (part.startsWith(':') ? '[^/]+' : part === '*' ? '.*' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}/?$`);
}

export function trackRoutes(app: FastifyInstance, prefix = '/api/'): (path: string) => string[] {
  const routes = new Map<string, KnownRoute>();
  app.addHook('onRoute', (r) => {
    if (!r.url.startsWith(prefix)) return;
    let known = routes.get(r.url);
    if (!known) routes.set(r.url, (known = { pattern: routePattern(r.url), methods: new Set() }));
    for (const m of [r.method].flat()) known.methods.add(m.toUpperCase());
  });
  return (path: string) => {
    const allowed = new Set<string>();
    for (const r of routes.values()) if (r.pattern.test(path)) for (const m of r.methods) allowed.add(m);
    return [...allowed].sort();
  };
}
