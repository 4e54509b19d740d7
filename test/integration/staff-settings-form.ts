// Reads a settings form out of a page as a browser would submit it (text inputs,
// hidden fields, checked boxes, textareas, selected options), for the settings tests.
export const unescapeHtml = (s: string) =>
  s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

export function formValues(html: string): Record<string, string> {
  const form = /<form method="post"[^>]*novalidate[^>]*>([\s\S]*?)<\/form>/.exec(html)?.[1] ?? '';
  const out: Record<string, string> = {};
  for (const m of form.matchAll(/<input([^>]*)>/g)) {
    const attrs = m[1]!;
    const name = /name="([^"]*)"/.exec(attrs)?.[1];
    if (!name) continue;
    const type = /type="([^"]*)"/.exec(attrs)?.[1] ?? 'text';
    const value = unescapeHtml(/value="([^"]*)"/.exec(attrs)?.[1] ?? '');
    if (type === 'checkbox' || type === 'radio') { if (/\schecked/.test(attrs)) out[name] = value; } else out[name] = value;
  }
  for (const m of form.matchAll(/<textarea[^>]*name="([^"]*)"[^>]*>([\s\S]*?)<\/textarea>/g)) out[m[1]!] = unescapeHtml(m[2]!);
  for (const m of form.matchAll(/<select[^>]*name="([^"]*)"[^>]*>([\s\S]*?)<\/select>/g)) {
    out[m[1]!] = unescapeHtml(/<option value="([^"]*)" selected/.exec(m[2]!)?.[1] ?? '');
  }
  delete out._csrf;
  return out;
}
