// Texts of the "when plans change" pages (block time, closures with a choice per
// appointment, the list of closures and blocks), German first, English second.
import type { Locale } from '../../../domain/types.ts';

const de = {
  block: {
    title: 'Zeit sperren', link: 'Zeit sperren',
    intro: 'Weniger Schalter für einen Zeitraum, z. B. weil eine Kollegin krank ist. Die übrigen Schalter bleiben buchbar.',
    counters: 'Wie viele Schalter fallen weg?', countersHint: 'Eine ganze Zahl ab 1.',
    reason: 'Grund (nur intern; bei Absagen und Verschiebungen wird er der Bürgerin / dem Bürger mitgeteilt)',
    check: 'Betroffene Termine prüfen', apply: 'Sperre eintragen',
    invalidCounters: 'Bitte geben Sie an, wie viele Schalter wegfallen (eine ganze Zahl ab 1).',
    summary: (n: number) => `${n} Schalter gesperrt`,
  },
  choice: {
    relaned: (n: number) => `${n} Termin(e) werden zur selben Zeit an einen freien Schalter gelegt – für die Bürgerinnen und Bürger ändert sich nichts.`,
    none: 'Keine gebuchten Termine betroffen.',
    affected: (n: number) => `${n} gebuchte(r) Termin(e) betroffen – bitte je Termin wählen`,
    affectedHint: 'Verschieben und Absagen teilen der Bürgerin / dem Bürger den Grund per E-Mail mit. „Behalten“ markiert den Termin als Konflikt; er erscheint dann oben in der Tagesansicht.',
    time: 'Zeit', reference: 'Vorgangsnummer', name: 'Name', concerns: 'Anliegen', suggested: 'Nächste freie Zeit', what: 'Was tun?',
    noTime: 'keine freie Zeit in 14 Tagen', noEmail: 'keine E-Mail-Adresse: bitte anrufen',
    move: (at: string) => `Verschieben auf ${at}`, cancel: 'Absagen (mit Grund)', keep: 'Behalten (Konflikt)',
    legend: (ref: string) => `Termin ${ref}`,
    allMove: 'Alle: verschieben', allCancel: 'Alle: absagen', allKeep: 'Alle: behalten', defaults: 'Für alle vorauswählen',
  },
  result: {
    title: 'Ergebnis', relaned: (n: number) => `${n} Termin(e) an einen anderen Schalter zur selben Zeit gelegt.`,
    none: 'Keine gebuchten Termine waren betroffen.',
    moved: (at: string) => `verschoben auf ${at} (E-Mail mit Grund)`, cancelled: 'abgesagt (E-Mail mit Grund)',
    kept: 'behalten – als Konflikt markiert', gone: 'die vorgeschlagene Zeit war inzwischen vergeben – behalten, als Konflikt markiert',
    added: 'erst nach der Vorschau gebucht – behalten, als Konflikt markiert',
    outcome: 'Ergebnis', back: 'Zur Tagesansicht', list: 'Schließungen und Sperren',
  },
  list: {
    title: 'Schließungen und Sperren', link: 'Schließungen und Sperren', closures: 'Schließungen', blocks: 'Sperren (weniger Schalter)',
    noneClosures: 'Keine anstehenden Schließungen.', noneBlocks: 'Keine anstehenden Sperren.',
    days: 'Tage', times: 'Uhrzeit', wholeDay: 'ganztägig', counters: 'Schalter weniger', reason: 'Grund', action: 'Aktion',
    remove: 'Entfernen', removeLabel: (what: string) => `${what} entfernen`,
    confirmTitle: 'Wirklich entfernen?', confirmText: 'Die Zeiten werden danach wieder buchbar.', confirm: 'Ja, entfernen', cancel: 'Abbrechen',
    removed: 'Entfernt. Die Zeiten sind wieder buchbar.', closure: 'Schließung', block: 'Sperre',
  },
  day: {
    plans: 'Geplante Änderungen an diesem Tag',
    closed: (when: string) => `Geschlossen ${when}`,
    blocked: (n: number, when: string) => `${n} Schalter gesperrt ${when}`,
    wholeDay: 'ganztägig',
  },
};

export type PlansTexts = typeof de;

const en: PlansTexts = {
  block: {
    title: 'Block time', link: 'Block time',
    intro: 'Fewer counters for a period, e.g. because a colleague is ill. The other counters stay bookable.',
    counters: 'How many counters are taken away?', countersHint: 'A whole number from 1.',
    reason: 'Reason (internal; sent to the citizen when appointments are cancelled or moved)',
    check: 'Check affected appointments', apply: 'Enter the block',
    invalidCounters: 'Please enter how many counters are taken away (a whole number from 1).',
    summary: (n) => `${n} counter(s) blocked`,
  },
  choice: {
    relaned: (n) => `${n} appointment(s) move to a free counter at the same time – nothing changes for the citizens.`,
    none: 'No booked appointments are affected.',
    affected: (n) => `${n} booked appointment(s) affected – please choose for each`,
    affectedHint: 'Moving and cancelling tell the citizen the reason by e-mail. "Keep" marks the appointment as a conflict; it then shows at the top of the day view.',
    time: 'Time', reference: 'Reference', name: 'Name', concerns: 'Concerns', suggested: 'Nearest free time', what: 'What to do?',
    noTime: 'no free time within 14 days', noEmail: 'no e-mail address: please call',
    move: (at) => `Move to ${at}`, cancel: 'Cancel (with the reason)', keep: 'Keep (conflict)',
    legend: (ref) => `Appointment ${ref}`,
    allMove: 'All: move', allCancel: 'All: cancel', allKeep: 'All: keep', defaults: 'Preselect for all',
  },
  result: {
    title: 'Result', relaned: (n) => `${n} appointment(s) put on another counter at the same time.`,
    none: 'No booked appointments were affected.',
    moved: (at) => `moved to ${at} (e-mail with the reason)`, cancelled: 'cancelled (e-mail with the reason)',
    kept: 'kept – marked as a conflict', gone: 'the suggested time had been taken meanwhile – kept, marked as a conflict',
    added: 'booked after the preview – kept, marked as a conflict',
    outcome: 'Outcome', back: 'To the day view', list: 'Closures and blocks',
  },
  list: {
    title: 'Closures and blocks', link: 'Closures and blocks', closures: 'Closures', blocks: 'Blocks (fewer counters)',
    noneClosures: 'No upcoming closures.', noneBlocks: 'No upcoming blocks.',
    days: 'Days', times: 'Time', wholeDay: 'all day', counters: 'Counters fewer', reason: 'Reason', action: 'Action',
    remove: 'Remove', removeLabel: (what) => `Remove ${what}`,
    confirmTitle: 'Really remove?', confirmText: 'The times become bookable again.', confirm: 'Yes, remove', cancel: 'Cancel',
    removed: 'Removed. The times are bookable again.', closure: 'closure', block: 'block',
  },
  day: {
    plans: 'Planned changes on this day',
    closed: (when) => `Closed ${when}`,
    blocked: (n, when) => `${n} counter(s) blocked ${when}`,
    wholeDay: 'all day',
  },
};

export function plansTexts(locale: Locale): PlansTexts {
  return locale === 'en' ? en : de;
}
