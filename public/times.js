// Step 2 and moving an appointment: months and days change without reloading
// the page. The links stay ordinary links; this only fetches the same page and
// swaps the calendar and the list of times.
{
  const swap = async (href, focusTimes) => {
    const res = await fetch(href, { credentials: 'same-origin', headers: { accept: 'text/html' } });
    if (!res.ok || res.redirected) throw new Error(String(res.status));
    const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
    for (const id of ['kalender', 'zeiten']) {
      const now = document.getElementById(id);
      const next = doc.getElementById(id);
      if (now && next) now.replaceWith(document.importNode(next, true));
      else if (now) now.remove();
      else if (next) document.getElementById('kalender')?.after(document.importNode(next, true));
    }
    const target = focusTimes ? document.getElementById('zeiten-titel') : document.getElementById('monat');
    if (target) {
      target.setAttribute('tabindex', '-1');
      target.focus();
    }
  };
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('#kalender a') : null;
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    const href = link.getAttribute('href');
    swap(href, href.includes('tag=')).then(
      () => history.pushState({ az: true }, '', href),
      () => { window.location.href = href; },
    );
  });
  window.addEventListener('popstate', () => window.location.reload());
}
