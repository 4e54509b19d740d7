{
// Back office, booking for a caller (/staff/buchen). The concern search filters
// as one types: the same GET search as without script (the server ranks with
// the citizens' finder) is fetched with the form as it stands, and its list of
// concerns replaces the one on the page — the quantities typed meanwhile are
// carried over. Enter in the search field searches; Enter anywhere else in the
// form looks for free times, as its main button does. After "Freie Zeiten
// suchen" the page opens at the times (#zeiten): their heading gets the focus.
const form = document.querySelector('form[action="/staff/buchen#zeiten"]');
const input = document.getElementById('suche');
const button = document.getElementById('suche-knopf');
const status = document.getElementById('suche-status');
if (form && input && button && status) {
  let timer = 0;
  let asked = input.value.trim();
  let seq = 0;

  const search = async () => {
    const q = input.value.trim();
    if (q === asked) return;
    asked = q;
    const mine = ++seq;
    const params = new URLSearchParams(new FormData(form));
    params.set('aktion', 'suchen');
    if (q === '') params.delete('suche');
    try {
      const res = await fetch(`/staff/buchen?${params}`, { credentials: 'same-origin', headers: { accept: 'text/html' } });
      if (!res.ok || res.redirected || mine !== seq) return;
      const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
      const fresh = doc.getElementById('concerns');
      const now = document.getElementById('concerns');
      if (!fresh || !now || mine !== seq) return;
      // what was typed while the answer was on its way stays
      for (const field of fresh.querySelectorAll('input')) {
        const current = document.getElementById(field.id);
        if (current) field.setAttribute('value', current.value);
      }
      const error = now.classList.contains('kern-fieldset--error');
      now.replaceWith(document.importNode(fresh, true));
      if (error) document.getElementById('concerns')?.classList.add('kern-fieldset--error');
      status.textContent = doc.getElementById('suche-status')?.textContent ?? '';
      const hint = document.getElementById('suche-hinweis');
      const freshHint = doc.getElementById('suche-hinweis');
      if (hint) hint.remove();
      if (freshHint) status.after(document.importNode(freshHint, true));
      const url = new URL(location.href);
      if (q === '') url.searchParams.delete('suche');
      else url.searchParams.set('suche', q);
      history.replaceState(null, '', url);
    } catch {
      // offline or the server is busy: the search button still works
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(search, 250);
  });
  button.addEventListener('click', (e) => {
    e.preventDefault();
    clearTimeout(timer);
    asked = '\u0000';
    search();
  });
  form.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' || !(e.target instanceof HTMLInputElement)) return;
    e.preventDefault();
    if (e.target === input) {
      clearTimeout(timer);
      asked = '\u0000';
      search();
    } else {
      // the form's main button, not the search (the first button in the form)
      form.requestSubmit(form.querySelector('button[type=submit]:not([name=aktion])') ?? undefined);
    }
  });
}

// the times, after "Freie Zeiten suchen" or a day chosen in the calendar: in view, with the focus on their
// heading — once the page has loaded, since the browser's own jump to #zeiten then takes the focus away
const heading = document.getElementById('zeiten-titel');
if (heading && location.hash === '#zeiten' && !document.querySelector('.az-error-summary')) {
  const focusTimes = () => {
    heading.focus({ preventScroll: true });
    heading.scrollIntoView({ block: 'start' });
  };
  if (document.readyState === 'complete') focusTimes();
  else window.addEventListener('load', () => setTimeout(focusTimes, 0), { once: true });
}
}
