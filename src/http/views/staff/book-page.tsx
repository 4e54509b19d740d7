// Booking for a caller or a walk-in, on one page that works without script:
// step 1 (GET with office, concerns, kind, and optionally a day and part of
// the day) lists the nearest free times or the chosen day's, with the month
// calendar to pick any other day; step 2 (POST) books the chosen time with
// the contact data. Then the reference to read out. The concern search (the
// citizens' finder) puts the matching concerns first and folds the others
// away, keeping every quantity; /static/staff-book.js filters as one types and
// puts the focus on the times after "Freie Zeiten suchen".
import type { TimeSearchResult } from '../../../app/staff/staff-time-search.ts';
import type { ConcernSearch } from '../../../app/staff/find-concerns.ts';
import { ASSET_VERSION } from '../layout.tsx';
import { concernSearchTexts } from './concern-search-texts.ts';
import type { PartOfDay } from '../../../domain/date-input.ts';
import { Alert, ErrorSummary, Fieldset, Radio, SelectField, TextField } from '../components.tsx';
import { texts } from '../texts.ts';
import { StaffLayout, type StaffFrame } from './staff-layout.tsx';
import { StaffMonthCalendar, TimeSearchFields, timeLabel, timesHeading } from './staff-time-search.tsx';

export interface BookForm {
  office: string;
  channel: 'phone' | 'counter';
  quantities: Record<string, number>;
  startsAt?: string;
  name?: string;
  email?: string;
  phone?: string;
  /** the day as typed (22.12.2026 or 2026-12-22) */
  day?: string;
  part: PartOfDay;
  /** `YYYY-MM` shown in the calendar when no day is chosen */
  month?: string;
  /** the concern search as typed */
  search?: string;
}

/** The search as GET parameters, with `tag`/`monat` replaced: calendar links keep everything else. */
function searchLink(form: BookForm, over: { tag?: string; monat?: string }): string {
  const p = new URLSearchParams({ office: form.office, channel: form.channel });
  for (const [id, q] of Object.entries(form.quantities)) if (q > 0) p.set(`q_${id}`, String(q));
  if (form.part !== 'all') p.set('tageszeit', form.part);
  if (form.search) p.set('suche', form.search);
  if (over.tag) p.set('tag', over.tag);
  if (over.monat) p.set('monat', over.monat);
  return `/staff/buchen?${p.toString()}#zeiten`;
}

export function BookPage(props: {
  frame: StaffFrame;
  offices: { id: string; name: string; services: { id: string; name: string; maxQuantity: number }[] }[];
  form: BookForm;
  found: TimeSearchResult | null;
  errors: { id: string; message: string }[];
  /** the concern search's answer, when a search was typed */
  finder?: ConcernSearch;
}) {
  const { t, csrf, locale } = props.frame;
  const { form } = props;
  const office = props.offices.find((o) => o.id === form.office) ?? props.offices[0];
  const err = (id: string) => props.errors.find((e) => e.id === id)?.message;
  const found = props.found;
  const hidden = [
    <input type="hidden" name="office" value={form.office} />,
    <input type="hidden" name="channel" value={form.channel} />,
    <input type="hidden" name="tageszeit" value={form.part} />,
    ...(form.day ? [<input type="hidden" name="tag" value={form.day} />] : []),
    ...(form.month ? [<input type="hidden" name="monat" value={form.month} />] : []),
    ...(form.search ? [<input type="hidden" name="suche" value={form.search} />] : []),
    ...Object.entries(form.quantities).filter(([, q]) => q > 0).map(([id, q]) => <input type="hidden" name={`q_${id}`} value={String(q)} />),
  ];
  return (
    <StaffLayout frame={props.frame} title={t.bookPage.title} hasErrors={props.errors.length > 0}>
      <h1 class="kern-heading-large">{t.bookPage.title}</h1>
      <ErrorSummary t={{ ...texts(locale), common: { ...texts(locale).common, errorSummary: t.errors.summary } }} errors={props.errors} />
      <form method="get" action="/staff/buchen#zeiten">
        <SelectField id="office" name="office" label={t.bookPage.office} value={office?.id} options={props.offices.map((o) => ({ value: o.id, label: o.name }))} />
        <Fieldset legend={t.bookPage.channel} legendClass="kern-label">
          <Radio id="channel-phone" name="channel" value="phone" label={t.bookPage.phone} checked={form.channel === 'phone'} />
          <Radio id="channel-counter" name="channel" value="counter" label={t.bookPage.counter} checked={form.channel === 'counter'} />
        </Fieldset>
        <ConcernFields frame={props.frame} services={office?.services ?? []} form={form} finder={props.finder} error={err('concerns')} />
        <TimeSearchFields frame={props.frame} query={{ day: form.day, part: form.part }} error={err('tag')} />
        <button type="submit" class="kern-btn kern-btn--secondary"><span class="kern-label">{t.bookPage.findTimes}</span></button>
      </form>
      {found === null ? null : (
        <section id="zeiten" aria-labelledby="zeiten-titel">
          <h2 class="kern-heading-medium" id="zeiten-titel" tabindex={-1}>{timesHeading(props.frame, found.date)}</h2>
          {found.date ? <p class="kern-body"><a class="kern-link" href={searchLink(form, {})}>{t.bookPage.earliest}</a></p> : null}
          {found.times.length === 0 ? <Alert kind="warning" title={found.date ? t.bookPage.noneOnDay : t.bookPage.none} role="status" /> : null}
          <StaffMonthCalendar frame={props.frame} month={found.month} selected={found.date} link={(p) => searchLink(form, p)} />
        </section>
      )}
      {found === null || found.times.length === 0 ? null : (
        <form method="post" action="/staff/buchen">
          <input type="hidden" name="_csrf" value={csrf} />
          {hidden}
          <Fieldset legend={timesHeading(props.frame, found.date)} id="startsAt" error={err('startsAt')} legendClass="kern-heading-medium">
            <div class={found.date ? 'az-time-grid' : undefined}>
              {found.times.map((s, i) => (
                <Radio id={`time-${i}`} name="startsAt" value={s.startsAt} label={timeLabel(props.frame, s, !found.date)} checked={form.startsAt === s.startsAt} error={!!err('startsAt')} />
              ))}
            </div>
          </Fieldset>
          <h2 class="kern-heading-medium">{t.bookPage.contact}</h2>
          <TextField id="name" name="name" label={t.bookPage.name} value={form.name} error={err('name')} required autocomplete="off" />
          <TextField id="email" name="email" type="email" label={t.bookPage.email} optional={t.bookPage.optional} hint={t.bookPage.emailHint}
            value={form.email} error={err('email')} autocomplete="off" spellcheck={false} />
          <TextField id="phone" name="phone" type="tel" label={t.bookPage.phoneNo} optional={t.bookPage.optional} value={form.phone} error={err('phone')} autocomplete="off" />
          <button type="submit" class="kern-btn kern-btn--primary"><span class="kern-label">{t.bookPage.submit}</span></button>
        </form>
      )}
      <script src={`/static/staff-book.js?v=${ASSET_VERSION}`} defer></script>
    </StaffLayout>
  );
}

/**
 * The search field and the quantity per concern. After a search the matching
 * concerns come first (best first), then those already chosen; the others
 * stay in the form, folded away under "Weitere Anliegen".
 */
function ConcernFields(props: {
  frame: StaffFrame; services: { id: string; name: string; maxQuantity: number }[]; form: BookForm; finder?: ConcernSearch; error?: string;
}) {
  const { t, locale } = props.frame;
  const s = concernSearchTexts(locale);
  const { form, finder } = props;
  const order = new Map(props.services.map((c, i) => [c.id, i]));
  const hits = finder ? finder.ids.filter((id) => order.has(id)) : [];
  const first = hits.length > 0
    ? [...hits, ...props.services.map((c) => c.id).filter((id) => !hits.includes(id) && (form.quantities[id] ?? 0) > 0)]
    : props.services.map((c) => c.id);
  const byId = new Map(props.services.map((c) => [c.id, c]));
  const rest = props.services.filter((c) => !first.includes(c.id));
  const row = (c: { id: string; name: string; maxQuantity: number }) => (
    <div class="kern-form-input az-qty-row" data-id={c.id} data-order={String(order.get(c.id))}>
      <label class="kern-label" for={`q_${c.id}`}>{c.name} – {t.bookPage.quantity}</label>
      <input class="kern-form-input__input az-qty" id={`q_${c.id}`} name={`q_${c.id}`} type="number" min="0" max={String(c.maxQuantity)}
        value={String(form.quantities[c.id] ?? 0)} inputmode="numeric" />
    </div>
  );
  const status = finder ? (hits.length > 0 ? s.found(hits.length, finder.q) : s.none(finder.q)) : '';
  return (
    <div id="anliegen" class="az-concern-search">
      <div class="az-finder-staff">
        <div class="kern-form-input">
          <label class="kern-label" for="suche">{s.label}</label>
          <div class="kern-hint" id="suche-hint">{s.hint}</div>
          <input class="kern-form-input__input" type="search" id="suche" name="suche" value={form.search ?? ''}
            aria-describedby="suche-hint" aria-controls="concerns" autocomplete="off" spellcheck={false} maxlength={200} />
        </div>
        <button type="submit" class="kern-btn kern-btn--secondary" name="aktion" value="suchen" formaction="/staff/buchen#anliegen" id="suche-knopf">
          <span class="kern-label">{s.submit}</span>
        </button>
      </div>
      <p class="kern-body az-finder__status" id="suche-status" role="status">{status}</p>
      {finder?.redirect || (hits.length === 0 && finder?.notFound) ? <p class="kern-body" id="suche-hinweis">{finder.redirect ?? finder.notFound}</p> : null}
      <Fieldset legend={t.bookPage.concerns} id="concerns" error={props.error} legendClass="kern-label">
        {first.map((id) => row(byId.get(id)!))}
        {rest.length > 0 ? (
          <details class="az-more">
            <summary class="kern-body">{s.more(rest.length)}</summary>
            {rest.map(row)}
          </details>
        ) : null}
      </Fieldset>
    </div>
  );
}

export function BookedPage(props: {
  frame: StaffFrame; reference: string; when: string; email: string | null; office: string; concerns: string[]; bring: string[];
}) {
  const { t } = props.frame;
  return (
    <StaffLayout frame={props.frame} title={t.bookPage.booked}>
      <h1 class="kern-heading-large">{t.bookPage.booked}</h1>
      <Alert kind="success" title={t.bookPage.booked} role="status">
        <p class="kern-body">{t.bookPage.readOut}:</p>
        <p class="az-reference" id="reference">{props.reference}</p>
        <p class="kern-body"><strong>{props.when}</strong>, {props.office}</p>
        <p class="kern-body">{props.email ? `${t.bookPage.mailSent} ${props.email}` : t.bookPage.noMail}</p>
      </Alert>
      <h2 class="kern-heading-small">{t.bookPage.concerns}</h2>
      <ul class="kern-list">{props.concerns.map((c) => <li>{c}</li>)}</ul>
      {props.bring.length > 0 ? (
        <>
          <h2 class="kern-heading-small">{t.appt.bring}</h2>
          <ul class="kern-list">{props.bring.map((b) => <li>{b}</li>)}</ul>
        </>
      ) : null}
      <p class="kern-body">
        <a class="kern-link" href={`/staff/termin/${encodeURIComponent(props.reference)}`}>{t.appt.title(props.reference)}</a> ·{' '}
        <a class="kern-link" href="/staff/buchen">{t.bookPage.another}</a>
      </p>
    </StaffLayout>
  );
}
