// Contact and review pages: counts the held time down, warns shortly before it
// runs out, and keeps it longer without reloading the page (the button is a
// plain form submission without script).
{
  const de = document.documentElement.lang !== 'en';
  let ends = 0;
  let said = '';
  const start = () => {
    const box = document.querySelector('.az-hold');
    ends = box ? Date.now() + Number(box.dataset.remaining || 0) * 1000 : 0;
    said = '';
    tick();
  };
  const tick = () => {
    const warning = document.querySelector('.az-hold__warning');
    if (!warning || !ends) return;
    const left = Math.max(0, Math.round((ends - Date.now()) / 60000));
    let text = '';
    if (ends <= Date.now()) {
      text = de
        ? 'Die Reservierung ist abgelaufen. Sie können trotzdem buchen, solange die Zeit frei ist, oder sie jetzt verlängern.'
        : 'The reservation has run out. You can still book while the time is free, or keep it longer now.';
    } else if (left <= 2) {
      text = de
        ? `Ihre Reservierung läuft in ${left <= 1 ? 'einer Minute' : `${left} Minuten`} ab. Verlängern Sie sie, wenn Sie mehr Zeit brauchen.`
        : `Your reservation runs out in ${left <= 1 ? 'a minute' : `${left} minutes`}. Keep it longer if you need more time.`;
    }
    if (text !== said) {
      warning.textContent = text;
      warning.classList.toggle('az-hold__warning--on', text !== '');
      said = text;
    }
  };
  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('.az-hold__extend') : null;
    const form = button && button.form;
    if (!button || !form) return;
    event.preventDefault();
    const data = new FormData(form);
    if (button.name) data.set(button.name, button.value);
    // The answer is a redirect (Post/Redirect/Get): do not follow it, read this page afresh instead.
    fetch(button.formAction || form.action, { method: 'POST', body: new URLSearchParams(data), credentials: 'same-origin', redirect: 'manual' })
      .then((posted) => {
        if (posted.type !== 'opaqueredirect' && !posted.ok) throw new Error(String(posted.status));
        return fetch(window.location.pathname, { credentials: 'same-origin', headers: { accept: 'text/html' } });
      })
      .then(async (res) => {
        if (!res.ok || res.redirected) {
          window.location.href = res.url;
          return;
        }
        const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
        const next = doc.querySelector('.az-hold');
        const now = document.querySelector('.az-hold');
        if (!next || !now) {
          window.location.href = res.url;
          return;
        }
        now.replaceWith(document.importNode(next, true));
        start();
        const note = document.querySelector('.az-hold__warning');
        const box = document.querySelector('.az-hold');
        if (note && box) {
          note.textContent = box.dataset.extended || '';
          said = note.textContent;
        }
        const focus = document.querySelector('.az-hold__extend');
        if (focus) focus.focus();
      })
      .catch(() => form.requestSubmit(button));
  });
  start();
  setInterval(tick, 10000);
}
