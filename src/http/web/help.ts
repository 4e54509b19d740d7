// GET /hilfe: the page of frequent questions, linked from every page's footer.
import type { FastifyInstance } from 'fastify';
import { FaqPage } from '../views/pages/faq-page.tsx';
import { pageEnv, sendPage } from './page.ts';
import type { WebDeps } from './plugin.ts';
import { hasAssistant } from './steps/concerns.ts';

export function registerHelpPages(app: FastifyInstance, { ctx }: WebDeps): void {
  app.get('/hilfe', async (req, reply) => {
    const env = await pageEnv(ctx, req, reply);
    return sendPage(reply, FaqPage({ frame: env.frame, assistant: hasAssistant(await ctx.catalog()) }));
  });
}
