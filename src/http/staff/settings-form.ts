// Form values <-> config-file data for the settings pages, and the import's
// problems (`offices[0].hours[1].to: must be after …`) put next to the form's fields.
import type { FieldError } from '../views/components.tsx';
import type { FormState } from '../views/staff/settings-page.tsx';
import { assistantAnswer, formMessage, isAssistantConcern, placeOf, type FormProblem, type ProblemWords } from './settings-problems.ts';

/** Where in the config a form field's value goes: `offices[1].hours[0].to` -> field `h0-to`. */
export interface FieldRef {
  path: string;
  id: string;
  label: string;
}

/** An empty field is left out (the file's default applies); digits become a number (a huge one is then refused as too large); anything else stays text for the check to refuse. */
export function num(s: string | undefined): number | string | undefined {
  const v = (s ?? '').trim();
  if (v === '') return undefined;
  return /^-?\d{1,400}$/.test(v) ? Number(v) : v;
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

/**
 * Each problem at the field whose path covers it most closely, in the form's words (settings-problems.ts);
 * the rest in the summary with the concern's or office's name. The assistant's answers that still name a
 * removed concern are one entry, listing them.
 */
export function withProblems(values: Record<string, string>, problems: FormProblem[], refs: FieldRef[], words: ProblemWords, fallbackId = 'seitentitel'): FormState {
  const errors: FieldError[] = [];
  const fieldErrors: Record<string, string> = {};
  const answers: string[] = [];
  for (const p of problems) {
    if (isAssistantConcern(p) && 'at' in p) {
      const a = assistantAnswer(p, words);
      if (!answers.includes(a)) answers.push(a);
      continue;
    }
    const message = formMessage(p, words);
    const ref = refs.filter((r) => covers(r.path, p.path)).sort((a, b) => b.path.length - a.path.length)[0];
    if (ref) {
      fieldErrors[ref.id] ??= message;
      errors.push({ id: ref.id, message: `${ref.label}: ${message}` });
    } else {
      errors.push({ id: fallbackId, message: `${placeOf(p, words)}: ${message}` });
    }
  }
  if (answers.length > 0) errors.push({ id: fallbackId, message: words.s.problems.assistant(answers.join('; ')) });
  return { values, errors, fieldErrors };
}
