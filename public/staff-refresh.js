// Back office pages that refresh themselves: the day view (/staff, #az-day,
// every minute) and the counter view (/staff/schalter, its waiting list and
// last calls, #az-queue, every 15 seconds; the box #az-refresh names region and
// interval). Fetches the same page afresh and puts the region's content in
// place, piece by piece, where it changed.
// It waits while a form field is focused or has been changed, and while the
// focus is inside the day's content, so nothing typed and no one's place is
// lost ("Jetzt aktualisieren" refreshes at once). "Stand: 09:14" is the time of
// the data shown; a button pauses (for this tab). Screen readers hear one short
// polite line when something changed (not when free gaps merely shrank as the
// clock ran), never the table. The background request
// says so (x-amtszeit-refresh), so it does not keep an idle session alive; once
// the session has ended, refreshing stops and says so. Without script the page
// is a plain page that is reloaded by hand.
{
  const RETRY = 5000;
  const box = document.getElementById('az-refresh');
  const regionId = (box && box.dataset.region) || 'az-day';
  const region = document.getElementById(regionId);
  if (box && region) {
    const d = box.dataset;
    const EVERY = (Number(d.seconds) || 60) * 1000;
    const KEY = `amtszeit-refresh-paused-${regionId}`;
    const state = document.getElementById('az-refresh-state');
    const live = document.getElementById('az-refresh-live');
    const asOf = document.getElementById('az-asof');
    const buttons = box.querySelector('.az-refresh__buttons');
    const now = document.getElementById('az-refresh-now');
    const pause = document.getElementById('az-refresh-pause');
    let paused = false;
    try { paused = sessionStorage.getItem(KEY) === '1'; } catch { /* storage off: not remembered */ }
    let due = Date.now() + EVERY;
    let busy = false;
    let stopped = false;

    const show = (text) => { state.textContent = text ? `· ${text}` : ''; };
    const usual = () => show(paused ? d.paused : d.every);
    const label = () => {
      pause.querySelector('.kern-label').textContent = paused ? d.resume : d.pause;
      usual();
    };

    const changed = (f) => {
      if (f.disabled || ['hidden', 'submit', 'button', 'reset', 'image'].includes(f.type)) return false;
      if (f.type === 'checkbox' || f.type === 'radio') return f.checked !== f.defaultChecked;
      if (f instanceof HTMLSelectElement) {
        const options = [...f.options];
        // no option marked selected in the HTML: the browser shows the first one, and that is no change
        if (!f.multiple && !options.some((o) => o.defaultSelected)) return f.selectedIndex !== options.findIndex((o) => !o.disabled);
        return options.some((o) => o.selected !== o.defaultSelected);
      }
      return f.value !== f.defaultValue || (f.validity && f.validity.badInput);
    };
    /** Someone is in the middle of something: a field focused or changed, or the focus inside the refreshed content. */
    const editing = () => {
      const a = document.activeElement;
      if (a && a !== document.body && region.contains(a)) return true;
      if (a && a.matches && a.matches('input, select, textarea')) return true;
      return [...document.querySelectorAll('input, select, textarea')].some(changed);
    };

    /** What a change is announced for: the content without the day view's free gaps, which shrink as the clock runs. */
    const gist = (root) => {
      const copy = root.cloneNode(true);
      copy.querySelectorAll('.az-slot--free').forEach((n) => n.remove());
      return copy.textContent.replace(/\s+/g, ' ');
    };

    const refresh = async (force) => {
      if (busy || stopped) return;
      busy = true;
      due = Date.now() + EVERY;
      try {
        const res = await fetch(window.location.href, {
          credentials: 'same-origin', cache: 'no-store', headers: { accept: 'text/html', 'x-amtszeit-refresh': '1' },
        });
        if (res.redirected && new URL(res.url).pathname === '/staff/login') {
          stopped = true;
          show(d.expired);
          live.textContent = d.expired;
          return;
        }
        if (!res.ok && res.status !== 400) throw new Error(String(res.status));
        const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
        const next = doc.getElementById(regionId);
        const time = doc.getElementById('az-asof');
        if (!next || !time) throw new Error('not the same page');
        if (!force && editing()) {
          due = Date.now() + RETRY;
          show(d.waiting);
          return;
        }
        const before = gist(region);
        const olds = [...region.children];
        const news = [...next.children];
        let differs = olds.length !== news.length;
        if (differs) region.replaceChildren(...news.map((n) => document.importNode(n, true)));
        else {
          news.forEach((n, i) => {
            if (n.outerHTML !== olds[i].outerHTML) {
              olds[i].replaceWith(document.importNode(n, true));
              differs = true;
            }
          });
        }
        asOf.textContent = time.textContent;
        asOf.dataset.time = time.dataset.time;
        if (differs && gist(region) !== before) live.textContent = d.refreshed.replace('{time}', time.dataset.time);
        usual();
      } catch {
        show(d.failed);
      } finally {
        busy = false;
      }
    };

    buttons.hidden = false;
    label();
    now.addEventListener('click', () => { refresh(true); });
    pause.addEventListener('click', () => {
      paused = !paused;
      try { sessionStorage.setItem(KEY, paused ? '1' : '0'); } catch { /* storage off */ }
      if (!paused && due < Date.now()) due = Date.now();
      label();
    });
    setInterval(() => {
      if (paused || stopped || busy || document.hidden || Date.now() < due) return;
      if (editing()) {
        due = Date.now() + RETRY;
        show(d.waiting);
        return;
      }
      refresh(false);
    }, 1000);
  }
}
