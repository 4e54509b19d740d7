{
// Step 1: filters the concerns as the citizen types. The server ranks (the
// same finder as the GET form without JavaScript): /buchen/anliegen/suche?q=…
// answers with the results region, which replaces the one on the page.
const form = document.getElementById('finder-form');
const input = document.getElementById('finder-q');
const region = document.getElementById('finder-results');
const concerns = document.getElementById('anliegen-form');
if (form && input && region && concerns) {
  const status = region.querySelector('.az-finder__status');
  let timer = 0;
  let asked = '';

  const chosen = (item) => {
    const select = item.querySelector('select');
    const box = item.querySelector('input[type=checkbox]');
    return select ? select.value !== '0' : !!(box && box.checked);
  };

  const filter = (ids) => {
    for (const item of concerns.querySelectorAll('.az-concern')) {
      item.hidden = ids !== null && !ids.has(item.dataset.id) && !chosen(item);
    }
    for (const area of concerns.querySelectorAll('.az-area')) {
      area.hidden = !area.querySelector('.az-concern:not([hidden])');
    }
  };

  const show = (fresh) => {
    for (const child of [...region.children]) if (child !== status) child.remove();
    for (const child of [...fresh.children]) {
      if (child.classList.contains('az-finder__status')) continue;
      region.append(document.importNode(child, true));
    }
    if (status) status.textContent = fresh.querySelector('.az-finder__status')?.textContent ?? '';
    const ids = (fresh.dataset.ids || '').split(' ').filter(Boolean);
    filter(ids.length > 0 ? new Set(ids) : null);
  };

  const search = async () => {
    const q = input.value.trim();
    if (q === asked) return;
    asked = q;
    const url = new URL(location.href);
    if (q === '') {
      show(document.createElement('div'));
      url.searchParams.delete('q');
      history.replaceState(null, '', url);
      return;
    }
    try {
      const res = await fetch(`/buchen/anliegen/suche?q=${encodeURIComponent(q)}`, { headers: { accept: 'text/html' } });
      if (!res.ok || q !== asked) return;
      const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
      const fresh = doc.getElementById('finder-results');
      if (fresh && q === asked) show(fresh);
      url.searchParams.set('q', q);
      history.replaceState(null, '', url);
    } catch {
      // offline or the server is busy: the search button still works
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(search, 250);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(timer);
    asked = '\u0000';
    search();
  });
  // the "clear" link inside the results: empty the field instead of reloading
  region.addEventListener('click', (e) => {
    const link = e.target instanceof Element ? e.target.closest('.az-finder__clear') : null;
    if (!link) return;
    e.preventDefault();
    input.value = '';
    search();
    input.focus();
  });
}
}
