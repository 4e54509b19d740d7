// The home page: names the city and its offices and points to the API.
// (The citizen booking pages replace it.)
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/context.ts';

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function registerHomePage(app: FastifyInstance, ctx: AppContext): void {
  app.get('/', async (_req, reply) => {
    const { config } = await ctx.catalog();
    const offices = config.offices
      .map((o) => `<li><strong>${escape(o.name)}</strong>, ${escape(o.address)}, Tel. ${escape(o.phone)}</li>`)
      .join('');
    const html = `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Terminvereinbarung – ${escape(config.organization.name)}</title></head>
<body><main>
<h1>Terminvereinbarung – ${escape(config.organization.name)}</h1>
<ul>${offices}</ul>
<p>Programmierschnittstelle / API: <a href="/api/openapi.json">OpenAPI 3.1</a> · <a href="/api/v1/offices">/api/v1/offices</a></p>
</main></body></html>`;
    return reply.type('text/html; charset=utf-8').send(html);
  });
}
