// Reads one form out of a back-office page as a browser would submit it: the
// form around a marker, its action, hidden and text inputs, the checked radios
// and boxes, textareas. For tests that walk a multi-step page without script.
import assert from 'node:assert/strict';
import { unescapeHtml } from './staff-settings-form.ts';

export function formAround(html: string, marker: string): { action: string; values: Record<string, string> } {
  const form = [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)].find((m) => m[2]!.includes(marker));
  assert.ok(form, `a form with ${marker}`);
  const action = unescapeHtml(/action="([^"]*)"/.exec(form[1]!)?.[1] ?? '');
  const values: Record<string, string> = {};
  for (const m of form[2]!.matchAll(/<input([^>]*)>/g)) {
    const attrs = m[1]!;
    const name = /name="([^"]*)"/.exec(attrs)?.[1];
    if (!name) continue;
    const type = /type="([^"]*)"/.exec(attrs)?.[1] ?? 'text';
    const value = unescapeHtml(/value="([^"]*)"/.exec(attrs)?.[1] ?? '');
    if (type === 'radio' || type === 'checkbox') { if (/\schecked/.test(attrs)) values[name] = value; } else values[name] = value;
  }
  for (const m of form[2]!.matchAll(/<textarea[^>]*name="([^"]*)"[^>]*>([\s\S]*?)<\/textarea>/g)) values[m[1]!] = unescapeHtml(m[2]!);
  delete values._csrf;
  return { action, values };
}
