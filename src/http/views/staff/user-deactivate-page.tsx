// The question before deactivating a staff account (admins): what ends at once,
// in words and with how many (sessions, API tokens and calendar feeds by
// label), and two ways on: the second POST with `bestaetigt=ja`, or back to
// the user's page. Works without script.
import type { DeactivationPreview } from '../../../app/staff/preview-deactivation.ts';
import { StaffLayout, type StaffFrame } from './staff-layout.tsx';
import { adminTexts } from './admin-texts.ts';

export function DeactivateConfirmPage(props: { frame: StaffFrame; preview: DeactivationPreview; officeName: (id: string) => string }) {
  const { csrf, locale } = props.frame;
  const c = adminTexts(locale).users.confirm;
  const { user, sessions, tokens, feeds } = props.preview;
  const base = `/staff/benutzer/${user.id}`;
  return (
    <StaffLayout frame={props.frame} title={c.title(user.name)}>
      <div class="az-admin">
      <h1 class="kern-heading-large">{c.title(user.name)}</h1>
      <p class="kern-body">{c.intro(user.name, user.email)}</p>
      <ul class="kern-list">
        <li>{c.sessions(sessions)}</li>
        <li>
          {c.tokens(tokens.length)}
          {tokens.length > 0 ? <ul class="kern-list">{tokens.map((t) => <li>„{t.label}“</li>)}</ul> : null}
        </li>
        <li>
          {c.feeds(feeds.length)}
          {feeds.length > 0 ? <ul class="kern-list">{feeds.map((f) => <li>{c.feed(f.label, props.officeName(f.office))}</li>)}</ul> : null}
        </li>
      </ul>
      <p class="kern-body">{c.after}</p>
      <form method="post" action={`${base}/deaktivieren`} class="az-actions">
        <input type="hidden" name="_csrf" value={csrf} />
        <input type="hidden" name="bestaetigt" value="ja" />
        <button type="submit" class="kern-btn kern-btn--primary"><span class="kern-label">{c.yes}</span></button>
        <a class="kern-btn kern-btn--secondary" href={base}><span class="kern-label">{c.no}</span></a>
      </form>
      </div>
    </StaffLayout>
  );
}
