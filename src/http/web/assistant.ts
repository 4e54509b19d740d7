// The guided assistant (/buchen/assistent). GET walks the questions: where the
// citizen is comes from `pfad` (the answers so far, "0-2-1"), so each question
// has its own address, reloads and the browser's back button just work, and
// nothing is stored until the end. POST takes the suggested concerns (with the
// quantities the citizen may have changed) into the booking journey, exactly
// as step 1 would, and goes on to the date and time (or back to step 1).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Catalog } from '../../app/catalog.ts';
import { backPath, formatPath, parsePath, walk, type TrailStep } from '../../domain/assistant.ts';
import type { Locale } from '../../domain/types.ts';
import { AssistantQuestionPage, AssistantResultPage, type TrailView } from '../views/pages/assistant-page.tsx';
import { ErrorPage } from '../views/pages/info-pages.tsx';
import { PATHS } from './journey.ts';
import { csrfToken, formBody, pageEnv, redirect, sendPage } from './page.ts';
import type { WebDeps } from './plugin.ts';
import { loadSession, saveSession, takeFlash } from './session.ts';
import { applySelection, validateConcerns } from './steps/concerns.ts';
import { bringLines } from './steps/review.ts';

export const ASSISTANT_PATH = '/buchen/assistent';

const href = (path: readonly number[]) => (path.length === 0 ? ASSISTANT_PATH : `${ASSISTANT_PATH}?pfad=${formatPath(path)}`);

function trailView(trail: TrailStep[], path: readonly number[], locale: Locale): TrailView[] {
  return trail.map((s, i) => ({
    question: s.question.text[locale],
    answer: s.question.answers[s.answer]!.label[locale],
    href: href(path.slice(0, i)),
  }));
}

function param(req: FastifyRequest, name: string): string | undefined {
  const v = (req.query as Record<string, unknown>)[name];
  return typeof v === 'string' ? v : undefined;
}

export function registerAssistant(app: FastifyInstance, { ctx, write }: WebDeps): void {
  app.get(ASSISTANT_PATH, async (req, reply) => {
    const env = await pageEnv(ctx, req, reply);
    const { t, locale } = env;
    const catalog = await ctx.catalog();
    const assistant = catalog.config.assistant;
    const chosen = param(req, 'pfad');
    const from = param(req, 'von');
    // "Weiter" without an answer: the same question again, with the message
    const missing = chosen === undefined && from !== undefined;
    const path = parsePath(missing ? from : chosen);
    if (path === undefined) return redirect(reply, ASSISTANT_PATH);
    const state = assistant ? walk(assistant, path) : undefined;
    if (!state) {
      return sendPage(reply, ErrorPage({ frame: env.frame, title: t.assistant.title, text: t.assistant.unavailable,
        link: { href: PATHS.concerns, label: t.concerns.title } }));
    }
    // a path longer than the flow (or with an unknown answer): show where it really is
    if (formatPath(state.path) !== formatPath(path)) return redirect(reply, href(state.path));
    const back = backPath(state.path);
    const backHref = back === undefined ? PATHS.concerns : href(back);
    const trail = trailView(state.trail, state.path, locale);

    if (state.kind === 'question') {
      return sendPage(reply, AssistantQuestionPage({
        frame: env.frame,
        question: state.question.text[locale],
        hint: state.question.hint?.[locale],
        answers: state.question.answers.map((a, i) => ({ label: a.label[locale], path: formatPath([...state.path, i]) })),
        path: formatPath(state.path),
        backHref,
        trail,
        error: missing,
      }), missing ? 400 : 200);
    }

    const session = await loadSession(ctx, req);
    const flash = takeFlash(session, 'assistant');
    if (flash) await saveSession(ctx, req, reply, session);
    const quantity = (id: string, suggested: number) => {
      const v = flash?.values?.[`anzahl-${id}`];
      return v === undefined ? suggested : Number(v) || 0;
    };
    const concerns = state.services.flatMap((r) => {
      const s = catalog.services.get(r.id);
      if (!s) return [];
      return [{
        id: s.id, name: s.name[locale], minutes: s.minutes, maxQuantity: s.maxQuantity,
        quantity: Math.min(quantity(s.id, r.quantity), s.maxQuantity), fee: s.fee?.[locale] ?? null,
      }];
    });
    const bring = bringLines(t, concerns.map((c) => ({ documents: catalog.services.get(c.id)!.documents[locale], quantity: Math.max(1, c.quantity) })));
    return sendPage(reply, AssistantResultPage({
      frame: env.frame,
      csrf: csrfToken(reply),
      path: formatPath(state.path),
      backHref,
      concerns,
      hints: state.hints.map((h) => h[locale]),
      bring,
      trail,
      errors: flash?.errors ?? {},
    }));
  });

  app.post(ASSISTANT_PATH, { ...write, preHandler: app.csrfProtection }, async (req, reply) => {
    const env = await pageEnv(ctx, req, reply);
    const catalog = await ctx.catalog();
    const body = formBody(req);
    const path = parsePath(body.pfad);
    const state = path && catalog.config.assistant ? walk(catalog.config.assistant, path) : undefined;
    if (!state || state.kind !== 'result') return redirect(reply, ASSISTANT_PATH);
    const session = await loadSession(ctx, req);
    // only the suggested concerns count; anything else in the body is ignored
    const fields = Object.fromEntries(state.services.map((r) => [`anzahl-${r.id}`, body[`anzahl-${r.id}`] ?? '0']));
    const r = validateConcerns(catalogOnly(catalog, state.services.map((s) => s.id)), fields, env.t, env.locale);
    if (body.ziel === 'anliegen') {
      if (r.ok) await applySelection(ctx, session.data, r);
      await saveSession(ctx, req, reply, session);
      return redirect(reply, PATHS.concerns);
    }
    if (!r.ok) {
      const errors: Record<string, string> = { ...r.items };
      if (r.list) errors._list = r.list;
      session.data.flash = { page: 'assistant', errors, values: fields };
      await saveSession(ctx, req, reply, session);
      return redirect(reply, href(state.path));
    }
    const next = await applySelection(ctx, session.data, r);
    await saveSession(ctx, req, reply, session);
    return redirect(reply, next);
  });
}

/** The catalogue narrowed to the suggested concerns, so that validation reads only their fields. */
function catalogOnly(catalog: Catalog, ids: string[]): Catalog {
  const keep = new Set(ids);
  return { ...catalog, config: { ...catalog.config, services: catalog.config.services.filter((s) => keep.has(s.id)) } };
}
