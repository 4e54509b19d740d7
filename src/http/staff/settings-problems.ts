// The import's problems in the words of the settings forms. The config check
// speaks of the file (`muss nach „from“ liegen`, `schon vergeben an services[4]`,
// `in Anführungszeichen`); a form speaks of its fields: config keys become the
// form's labels in the page's language, internal paths the concern's or office's
// name, and advice that only fits a YAML file is left out. The one place for
// every settings page; what is not mapped here keeps the import's message.
import type { SettingsProblem } from '../../app/staff/change-settings.ts';
import type { Problem } from '../../config/validate.ts';
import type { Locale, OrgConfig } from '../../domain/types.ts';
import type { SettingsTexts } from '../views/staff/settings-texts.ts';

/** A problem from changeSettings (with key and parameters), or a plain one (path and message only). */
export type FormProblem = Problem | SettingsProblem;

/** What the words need: the page's texts and language, and the configuration the form was shown from. */
export interface ProblemWords {
  s: SettingsTexts;
  locale: Locale;
  config: OrgConfig;
}

function detailed(p: FormProblem): p is SettingsProblem {
  return 'key' in p && 'at' in p;
}

/** The form's label of a config key (`counters` -> „Schalter“), or the key itself. */
export function fieldLabel(key: string, s: SettingsTexts): string {
  const groups = [s.hours, s.concerns, s.office] as unknown as Record<string, unknown>[];
  const rule = s.rules.fields[key];
  if (rule) return rule[0];
  for (const g of groups) {
    const v = g[key];
    if (typeof v === 'string') return v;
  }
  return key;
}

/** The booking assistant names a concern that the change removes. */
export function isAssistantConcern(p: FormProblem): boolean {
  return detailed(p) && p.key === 'unknown_service' && p.at[0] === 'assistant';
}

/** `Frage „Wohin ziehen Sie?“, Antwort „Ins Ausland“` for a problem at `assistant.questions[i].answers[j]…`. */
export function assistantAnswer(p: SettingsProblem, w: ProblemWords): string {
  const [, , qi, , ai] = p.at;
  const question = typeof qi === 'number' ? w.config.assistant?.questions[qi] : undefined;
  const answer = question && typeof ai === 'number' ? question.answers[ai] : undefined;
  if (!question || !answer) return p.path;
  return w.s.problems.answer(question.text[w.locale], answer.label[w.locale]);
}

/** Where a problem that belongs to no field of the form is: a concern's or office's name, else its path. */
export function placeOf(p: FormProblem, w: ProblemWords): string {
  if (!detailed(p)) return p.path;
  const [kind, i] = p.at;
  if (kind === 'services' && typeof i === 'number') {
    const name = w.config.services[i]?.name[w.locale];
    if (name) return w.s.problems.concern(name);
  }
  if (kind === 'offices' && typeof i === 'number') {
    const name = w.config.offices[i]?.name;
    if (name) return name;
  }
  return p.path;
}

/** The message of one problem in the form's words. */
export function formMessage(p: FormProblem, w: ProblemWords): string {
  if (!detailed(p)) return p.message;
  const t = w.s.problems;
  const label = (k: unknown) => fieldLabel(String(k), w.s);
  const x = p.params;
  switch (p.key) {
    case 'after':
      return t.after(label(x.field), String(x.other));
    case 'not_before':
      return t.notBefore(label(x.field), String(x.other));
    case 'exceeds':
      return t.exceeds(label(x.field), String(x.other));
    case 'online_default_exceeds':
      return t.onlineDefault(label('counters'), String(x.counters), label('phone'), String(x.phone));
    case 'lead_beyond_horizon':
      return t.leadBeyondHorizon(label('horizonDays'), String(x.horizonDays));
    case 'duplicate_id': {
      const m = /^services\[(\d+)\]$/.exec(String(x.first));
      const name = m ? w.config.services[Number(m[1])]?.name[w.locale] : undefined;
      return name ? t.duplicateId(name) : p.message;
    }
    case 'leika':
      return t.leika;
    case 'empty_list': {
      const last = p.at[p.at.length - 1];
      return last === 'days' ? t.days : last === 'services' ? t.services : p.message;
    }
    case 'max':
      return t.tooLarge(String(x.max));
    case 'type':
      return x.expected === 'number' || x.expected === 'int' ? t.number : x.expected === 'string' ? t.text : p.message;
    case 'unknown_service':
      return p.at[0] === 'assistant' ? t.assistant(assistantAnswer(p, w)) : p.message;
    default:
      return p.message;
  }
}
