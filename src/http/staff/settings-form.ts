// Form values <-> config-file data for the settings pages, and the import's
// problems (`offices[0].hours[1].to: must be after …`) put next to the form's fields.
import type { Problem } from '../../config/validate.ts';
import type { FieldError } from '../views/components.tsx';
import type { FormState } from '../views/staff/settings-page.tsx';

/** Where in the config a form field's value goes: `offices[1].hours[0].to` -> field `h0-to`. */
export interface FieldRef {
  path: string;
  id: string;
  label: string;
}

/** An empty field is left out (the file's default applies); digits become a number; anything else stays text for the check to refuse. */
export function num(s: string | undefined): number | string | undefined {
  const v = (s ?? '').trim();
  if (v === '') return undefined;
  return /^-?\d{1,9}$/.test(v) ? Number(v) : v;
}

export function str(s: string | undefined): string | undefined {
  const v = (s ?? '').trim();
  return v === '' ? undefined : v;
}

export function lines(s: string | undefined): string[] {
  return (s ?? '').split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
}

/** Keys whose value is undefined are dropped (as if the file did not have them). */
export function defined<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** A text in both languages, or nothing when both are empty. */
export function textOf(de: string | undefined, en: string | undefined): { de: string; en: string } | undefined {
  const d = (de ?? '').trim();
  const e = (en ?? '').trim();
  return d === '' && e === '' ? undefined : { de: d, en: e };
}

export function listOf(de: string | undefined, en: string | undefined): { de: string[]; en: string[] } | undefined {
  const d = lines(de);
  const e = lines(en);
  return d.length === 0 && e.length === 0 ? undefined : { de: d, en: e };
}

function covers(ref: string, path: string): boolean {
  return path === ref || path.startsWith(`${ref}.`) || path.startsWith(`${ref}[`);
}

/** Each problem at the field whose path covers it most closely; the rest in the summary with their path. */
export function withProblems(values: Record<string, string>, problems: Problem[], refs: FieldRef[], fallbackId = 'seitentitel'): FormState {
  const errors: FieldError[] = [];
  const fieldErrors: Record<string, string> = {};
  for (const p of problems) {
    const ref = refs.filter((r) => covers(r.path, p.path)).sort((a, b) => b.path.length - a.path.length)[0];
    if (ref) {
      fieldErrors[ref.id] ??= p.message;
      errors.push({ id: ref.id, message: `${ref.label}: ${p.message}` });
    } else {
      errors.push({ id: fallbackId, message: `${p.path}: ${p.message}` });
    }
  }
  return { values, errors, fieldErrors };
}
