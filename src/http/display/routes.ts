// The waiting-room display, public (no login, no cookies):
// - GET /aufruf/{officeId}: the page (views/pages/call-display-page.tsx);
//   unknown offices get the 404 page. ?lang=en: English first.
// - GET /aufruf/{officeId}/events: Server-Sent Events. `retry: 3000` first,
//   then `event: calls` with `{"calls":[{number,desk,at,time,count}]}` at once
//   and after every change (at once for a call on this instance or, on
//   PostgreSQL, any instance; else within ~500 ms: call-hub.ts), and every 15 s a
//   heartbeat (a comment line and an empty `event: ping`, which lets the page
//   notice a dead link). Not compressed, not buffered (X-Accel-Buffering: no);
//   the stream ends when the client goes and when the server closes (preClose),
//   so app.close() never waits for an open display.
// Its own scope: no compression, no CSRF or cookies.
import { PassThrough } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { displayOffice, loadCallDisplay, type CallDisplayState } from '../../app/call-display.ts';
import type { AppContext } from '../../app/context.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Locale } from '../../domain/types.ts';
import { handleError } from '../errors.ts';
import { webNotFound } from '../web/plugin.ts';
import { CallDisplayPage } from '../views/pages/call-display-page.tsx';
import { createCallHub, type CallHub } from './call-hub.ts';

export interface CallDisplayOptions {
  /** PostgreSQL: LISTEN for calls on this database; unset (PGlite): poll */
  databaseUrl?: string | null;
  /** polling while there is no LISTEN connection (PGlite, or PostgreSQL's link down): default 500 ms */
  pollMs?: number;
  /** polling while LISTEN is up, for changes without a notification: default 5 s */
  safetyPollMs?: number;
  heartbeatMs?: number;
}

type Params = { officeId: string };

/** The requests that may call a number: the staff API's queue and the counter view's forms. */
const QUEUE_ACTION = /^\/(api\/v1\/staff\/queue\/|staff\/schalter\/)/;

export async function registerCallDisplay(app: FastifyInstance, ctx: AppContext, opts: CallDisplayOptions = {}): Promise<CallHub<CallDisplayState>> {
  const hub = createCallHub<CallDisplayState>({
    load: (officeId) => loadCallDisplay(ctx, officeId),
    databaseUrl: opts.databaseUrl,
    pollMs: opts.pollMs,
    safetyPollMs: opts.safetyPollMs,
    logger: app.log,
  });
  const heartbeatMs = opts.heartbeatMs ?? 15_000;
  // a queue action answered on this instance: the displays it serves learn at once (other instances through NOTIFY)
  app.addHook('onResponse', async (req, reply) => {
    if (req.method === 'POST' && reply.statusCode < 400 && QUEUE_ACTION.test(req.url)) hub.changed();
  });
  // before the server waits for its connections: end every open stream
  app.addHook('preClose', async () => {
    await hub.close();
  });

  await app.register(async (scope) => {
    scope.setErrorHandler(async (err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
      const events = req.url.split('?')[0].endsWith('/events');
      if (err instanceof DomainError && err.code === 'not_found' && !events) return webNotFound(ctx, req, reply);
      if (events || err instanceof DomainError) return handleError(err, req, reply);
      // the database or the configuration is away: a page that tries again by itself
      req.log.warn({ err: err.message }, 'call display page unavailable');
      return reply.status(503).header('retry-after', '10').type('text/html; charset=utf-8').send(UNAVAILABLE_HTML);
    });

    scope.get<{ Params: Params; Querystring: { lang?: string } }>('/aufruf/:officeId', async (req, reply) => {
      const locale: Locale = req.query.lang === 'en' ? 'en' : 'de';
      const office = await displayOffice(ctx, req.params.officeId);
      const state = await loadCallDisplay(ctx, office.id);
      const clock = new Intl.DateTimeFormat('de-DE', { timeZone: office.tz, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ctx.now());
      const page = CallDisplayPage({ office, state, locale, clock, eventsUrl: `/aufruf/${encodeURIComponent(office.id)}/events` });
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send('<!doctype html>' + (await page.toString()));
    });

    scope.get<{ Params: Params }>('/aufruf/:officeId/events', async (req, reply) => {
      const office = await displayOffice(ctx, req.params.officeId);
      const stream = new PassThrough();
      let seq = 0;
      let done = false;
      const write = (chunk: string) => {
        if (!done) stream.write(chunk);
      };
      write('retry: 3000\n\n');
      const beat = setInterval(() => write(': heartbeat\nevent: ping\ndata: \n\n'), heartbeatMs);
      beat.unref?.();
      const finish = () => {
        if (done) return;
        done = true;
        clearInterval(beat);
        unsubscribe();
        stream.end();
      };
      const unsubscribe = hub.subscribe(
        office.id,
        (state) => write(`id: ${++seq}\nevent: calls\ndata: ${JSON.stringify(state)}\n\n`),
        finish,
      );
      req.raw.on('close', finish);
      stream.on('close', finish);
      return reply
        .type('text/event-stream; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('x-accel-buffering', 'no')
        .send(stream);
    });
  });
  return hub;
}

const UNAVAILABLE_HTML = `<!doctype html><html lang="de"><head><meta charset="utf-8"><meta http-equiv="refresh" content="10">`
  + `<title>Anzeige vorübergehend nicht verfügbar</title></head><body><main><h1>Anzeige vorübergehend nicht verfügbar</h1>`
  + `<p lang="en">Display temporarily unavailable. This page tries again every 10 seconds.</p></main></body></html>`;
