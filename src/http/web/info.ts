// GET /datenschutz, /impressum, /barrierefreiheit: the organization's texts or sensible defaults.
import type { FastifyInstance } from 'fastify';
import { InfoPage } from '../views/pages/info-pages.tsx';
import { pageEnv, sendPage } from './page.ts';
import type { WebDeps } from './plugin.ts';

const PAGES = {
  '/datenschutz': 'privacy',
  '/impressum': 'imprint',
  '/barrierefreiheit': 'accessibility',
} as const;

export function registerInfoPages(app: FastifyInstance, { ctx }: WebDeps): void {
  for (const [path, kind] of Object.entries(PAGES)) {
    app.get(path, async (req, reply) => {
      const env = await pageEnv(ctx, req, reply);
      const { t, locale } = env;
      const org = (await ctx.catalog()).config.organization;
      const own = org[kind]?.[locale];
      const title = { privacy: t.pages.privacyTitle, imprint: t.pages.imprintTitle, accessibility: t.pages.accessibilityTitle }[kind];
      const defaults = {
        privacy: t.pages.privacyDefault, imprint: t.pages.imprintDefault, accessibility: t.pages.accessibilityDefault,
      }[kind](org.name);
      const paragraphs = own ? own.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean) : defaults;
      return sendPage(reply, InfoPage({ frame: env.frame, title, paragraphs, contacts: true }));
    });
  }
}
