// "What to bring" as one checklist for all chosen concerns: a document that
// several concerns ask for appears once, and a document needed for a concern
// booked several times (two ID cards for two people) says so, with how many.
// Pure; the review and confirmation pages and the mail templates can share it.

export interface BringInput {
  /** what the concern asks for, in the page's language */
  documents: readonly string[];
  quantity: number;
}

export interface BringItem {
  text: string;
  /** how many times it is needed: the largest quantity among the concerns asking for it (1: once) */
  times: number;
}

/** Documents are the same when they differ only in case, spacing or a trailing full stop. */
function sameKey(doc: string): string {
  return doc.normalize('NFC').trim().replace(/\s+/g, ' ').replace(/\.$/, '').toLocaleLowerCase('de');
}

export function whatToBring(concerns: readonly BringInput[]): BringItem[] {
  const items = new Map<string, BringItem>();
  for (const c of concerns) {
    const times = Math.max(1, Math.floor(c.quantity));
    for (const doc of c.documents) {
      const text = doc.trim().replace(/\s+/g, ' ');
      if (text === '') continue;
      const key = sameKey(text);
      const had = items.get(key);
      if (had) had.times = Math.max(had.times, times);
      else items.set(key, { text, times });
    }
  }
  return [...items.values()];
}
