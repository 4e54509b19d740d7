// The concern form (texts in both languages, duration, documents, fee, keywords,
// LeiKa key, the offices offering it) <-> a `services` entry and the offices' lists.
import type { RawConfig } from '../../config/raw.ts';
import type { OrgConfig, Service } from '../../domain/types.ts';
import type { SettingsTexts } from '../views/staff/settings-texts.ts';
import { defined, listOf, num, str, textOf, type FieldRef } from './settings-form.ts';

const LANGS = ['de', 'en'] as const;

export function concernValues(service: Service | undefined, config: OrgConfig): Record<string, string> {
  const v: Record<string, string> = {};
  if (!service) return v;
  v['s-id'] = service.id;
  for (const l of LANGS) {
    v[`s-name-${l}`] = service.name[l];
    v[`s-area-${l}`] = service.area[l];
    v[`s-documents-${l}`] = service.documents[l].join('\n');
    if (service.fee) v[`s-fee-${l}`] = service.fee[l];
    if (service.keywords) v[`s-keywords-${l}`] = service.keywords[l].join('\n');
  }
  v['s-minutes'] = String(service.minutes);
  v['s-maxQuantity'] = String(service.maxQuantity);
  if (service.leika) v['s-leika'] = service.leika;
  for (const o of config.offices) if (o.services.includes(service.id)) v[`off-${o.id}`] = 'ja';
  return v;
}

/** Where a concern's problems go; `index` is its place in `services`. */
function concernRefs(index: number, s: SettingsTexts): FieldRef[] {
  const c = s.concerns;
  const at = `services[${index}]`;
  const refs: FieldRef[] = [
    { path: at, id: 's-name-de', label: c.name },
    { path: `${at}.id`, id: 's-id', label: c.id },
    { path: `${at}.minutes`, id: 's-minutes', label: c.minutes },
    { path: `${at}.maxQuantity`, id: 's-maxQuantity', label: c.maxQuantity },
    { path: `${at}.leika`, id: 's-leika', label: c.leika },
  ];
  for (const f of ['name', 'area', 'documents', 'fee', 'keywords'] as const) {
    refs.push({ path: `${at}.${f}`, id: `s-${f}-de`, label: c[f] });
    for (const l of LANGS) refs.push({ path: `${at}.${f}.${l}`, id: `s-${f}-${l}`, label: `${c[f]} (${c[l]})` });
  }
  return refs;
}

/** Adds (`id` undefined) or changes a concern and which offices offer it. */
export function concernEdit(
  v: Record<string, string>, config: OrgConfig, id: string | undefined, s: SettingsTexts,
): { edit: (raw: RawConfig) => void; refs: FieldRef[]; serviceId: string } {
  const existing = id === undefined ? -1 : config.services.findIndex((x) => x.id === id);
  const index = existing >= 0 ? existing : config.services.length;
  const serviceId = id ?? (v['s-id'] ?? '').trim();
  const entry = defined({
    id: serviceId,
    name: textOf(v['s-name-de'], v['s-name-en']),
    area: textOf(v['s-area-de'], v['s-area-en']),
    minutes: num(v['s-minutes']),
    maxQuantity: num(v['s-maxQuantity']),
    documents: listOf(v['s-documents-de'], v['s-documents-en']),
    fee: textOf(v['s-fee-de'], v['s-fee-en']),
    keywords: listOf(v['s-keywords-de'], v['s-keywords-en']),
    leika: str(v['s-leika']),
  });
  const refs = concernRefs(index, s);
  config.offices.forEach((o, k) => refs.push({ path: `offices[${k}].services`, id: 'offices', label: `${s.concerns.offices}: ${o.name}` }));
  return {
    refs,
    serviceId,
    edit(raw) {
      if (existing >= 0) raw.services[existing] = entry;
      else raw.services.push(entry);
      for (const o of raw.offices) {
        const list = Array.isArray(o.services) ? (o.services as string[]) : [];
        const offered = v[`off-${String(o.id)}`] === 'ja';
        if (offered && !list.includes(serviceId)) o.services = [...list, serviceId];
        else if (!offered && list.includes(serviceId)) o.services = list.filter((x) => x !== serviceId);
      }
    },
  };
}

/** Removes a concern, and it from every office's list. */
export function concernRemove(config: OrgConfig, id: string, s: SettingsTexts): { edit: (raw: RawConfig) => void; refs: FieldRef[] } {
  const refs: FieldRef[] = config.offices.map((o, k) => ({ path: `offices[${k}].services`, id: 'seitentitel', label: `${s.concerns.offices}: ${o.name}` }));
  return {
    refs,
    edit(raw) {
      raw.services = raw.services.filter((x) => x.id !== id);
      for (const o of raw.offices) if (Array.isArray(o.services)) o.services = (o.services as string[]).filter((x) => x !== id);
    },
  };
}
