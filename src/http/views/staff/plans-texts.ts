// Texts of the "when plans change" pages (block time, closures with a choice per
// appointment, the list of closures and blocks), German first, English second.
import type { Locale } from '../../../domain/types.ts';

const de = {
  form: {
    dateHint: 'TT.MM.JJJJ, z. B. 22.12.2026',
    pastDate: 'Der Zeitraum endet vor heute. Bitte wählen Sie ein Ende ab heute – vergangene Tage lassen sich nicht mehr ändern.',
  },
  block: {
    title: 'Zeit sperren', link: 'Zeit sperren',
    intro: 'Weniger Schalter für einen Zeitraum, z. B. weil eine Kollegin krank ist. Die übrigen Schalter bleiben buchbar.',
    counters: 'Wie viele Schalter fallen weg?', countersHint: 'Eine ganze Zahl ab 1.',
    reason: 'Grund (wird Bürgerinnen und Bürgern per E-Mail mitgeteilt, deren Termine verschoben oder abgesagt werden)',
    check: 'Betroffene Termine prüfen', apply: 'Sperre eintragen',
    invalidCounters: 'Bitte geben Sie an, wie viele Schalter wegfallen (eine ganze Zahl ab 1).',
    summary: (n: number) => `${n} Schalter gesperrt`,
  },
  choice: {
    relaned: (n: number) => n === 1
      ? '1 Termin wird zur selben Zeit an einen freien Schalter gelegt – für die Bürgerin / den Bürger ändert sich nichts.'
      : `${n} Termine werden zur selben Zeit an einen freien Schalter gelegt – für die Bürgerinnen und Bürger ändert sich nichts.`,
    none: 'Keine gebuchten Termine betroffen.',
    affected: (n: number) => n === 1 ? '1 gebuchter Termin betroffen – bitte wählen' : `${n} gebuchte Termine betroffen – bitte je Termin wählen`,
    counterCap: (n: number, max: number) => max === 0
      ? `Die Geschäftsstelle ist in diesem Zeitraum ohnehin geschlossen – die Sperre ändert nichts.`
      : `Die Geschäftsstelle hat in diesem Zeitraum höchstens ${max} Schalter. Die Sperre von ${n} Schaltern nimmt alle weg: In dieser Zeit ist sie geschlossen.`,
    affectedHint: 'Verschieben und Absagen teilen der Bürgerin / dem Bürger den Grund per E-Mail mit. „Behalten“ markiert den Termin als Konflikt; er erscheint dann oben in der Tagesansicht.',
    time: 'Zeit', reference: 'Buchungsnummer', name: 'Name', concerns: 'Anliegen', suggested: 'Vorschlag', what: 'Was tun?',
    noTime: 'keine freie Zeit in 14 Tagen', noEmail: 'keine E-Mail-Adresse: bitte anrufen',
    move: (at: string) => `Verschieben auf ${at}`, cancel: 'Absagen (mit Grund)', keep: 'Behalten (Konflikt)',
    legend: (ref: string) => `Termin ${ref}`,
    allMove: 'Alle: verschieben', allCancel: 'Alle: absagen', allKeep: 'Alle: behalten', defaults: 'Für alle vorauswählen',
  },
  result: {
    title: 'Ergebnis', relaned: (n: number) => n === 1 ? '1 Termin an einen anderen Schalter zur selben Zeit gelegt.' : `${n} Termine an einen anderen Schalter zur selben Zeit gelegt.`,
    none: 'Keine gebuchten Termine waren betroffen.',
    moved: (at: string) => `verschoben auf ${at}`, cancelled: 'abgesagt',
    kept: 'behalten – als Konflikt markiert', gone: 'die vorgeschlagene Zeit war inzwischen vergeben – behalten, als Konflikt markiert',
    added: 'erst nach der Vorschau gebucht – behalten, als Konflikt markiert',
    outcome: 'Ergebnis', back: 'Zur Tagesansicht', list: 'Schließungen und Sperren',
    informed: 'Benachrichtigung', byMail: (address: string) => `E-Mail mit Grund an ${address}`,
    call: (phone: string) => `keine E-Mail-Adresse – bitte anrufen: ${phone}`, noContact: 'keine E-Mail-Adresse und keine Telefonnummer – kann nicht benachrichtigt werden',
    notTold: 'keine Nachricht (Termin bleibt)', callList: 'Anrufliste',
    callListIntro: 'Diese Bürgerinnen und Bürger haben keine E-Mail-Adresse angegeben. Bitte rufen Sie sie an und teilen Sie den neuen Termin oder die Absage mit dem Grund mit.',
    callListNone: 'Alle Betroffenen mit verschobenem oder abgesagtem Termin wurden per E-Mail informiert.', printCallList: 'Anrufliste drucken',
    phone: 'Telefon', before: 'Bisher', after: 'Jetzt', reason: 'Grund', noPhone: 'keine Telefonnummer',
  },
  list: {
    title: 'Schließungen und Sperren', link: 'Schließungen und Sperren', closures: 'Schließungen', blocks: 'Sperren (weniger Schalter)',
    noneClosures: 'Keine anstehenden Schließungen.', noneBlocks: 'Keine anstehenden Sperren.',
    days: 'Tage', times: 'Uhrzeit', wholeDay: 'ganztägig', counters: 'Schalter weniger', reason: 'Grund', action: 'Aktion',
    remove: 'Entfernen',
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
  form: {
    dateHint: 'DD.MM.YYYY, e.g. 22.12.2026',
    pastDate: 'The period ends before today. Please choose an end from today on – past days can no longer be changed.',
  },
  block: {
    title: 'Block time', link: 'Block time',
    intro: 'Fewer counters for a period, e.g. because a colleague is ill. The other counters stay bookable.',
    counters: 'How many counters are taken away?', countersHint: 'A whole number from 1.',
    reason: 'Reason (sent by e-mail to citizens whose appointments are moved or cancelled)',
    check: 'Check affected appointments', apply: 'Enter the block',
    invalidCounters: 'Please enter how many counters are taken away (a whole number from 1).',
    summary: (n) => `${n} counter${n === 1 ? '' : 's'} blocked`,
  },
  choice: {
    relaned: (n) => n === 1
      ? '1 appointment moves to a free counter at the same time – nothing changes for the citizen.'
      : `${n} appointments move to a free counter at the same time – nothing changes for the citizens.`,
    none: 'No booked appointments are affected.',
    affected: (n) => n === 1 ? '1 booked appointment affected – please choose' : `${n} booked appointments affected – please choose for each`,
    counterCap: (n, max) => max === 0
      ? 'The office is closed in this period anyway – the block changes nothing.'
      : `The office has at most ${max} counter${max === 1 ? '' : 's'} in this period. Blocking ${n} takes them all away: the office is closed then.`,
    affectedHint: 'Moving and cancelling tell the citizen the reason by e-mail. "Keep" marks the appointment as a conflict; it then shows at the top of the day view.',
    time: 'Time', reference: 'Reference', name: 'Name', concerns: 'Concerns', suggested: 'Suggested time', what: 'What to do?',
    noTime: 'no free time within 14 days', noEmail: 'no e-mail address: please call',
    move: (at) => `Move to ${at}`, cancel: 'Cancel (with the reason)', keep: 'Keep (conflict)',
    legend: (ref) => `Appointment ${ref}`,
    allMove: 'All: move', allCancel: 'All: cancel', allKeep: 'All: keep', defaults: 'Preselect for all',
  },
  result: {
    title: 'Result', relaned: (n) => n === 1 ? '1 appointment put on another counter at the same time.' : `${n} appointments put on another counter at the same time.`,
    none: 'No booked appointments were affected.',
    moved: (at) => `moved to ${at}`, cancelled: 'cancelled',
    kept: 'kept – marked as a conflict', gone: 'the suggested time had been taken meanwhile – kept, marked as a conflict',
    added: 'booked after the preview – kept, marked as a conflict',
    outcome: 'Outcome', back: 'To the day view', list: 'Closures and blocks',
    informed: 'Notification', byMail: (address) => `e-mail with the reason to ${address}`,
    call: (phone) => `no e-mail address – please call: ${phone}`, noContact: 'no e-mail address and no phone number – cannot be told',
    notTold: 'no message (appointment stays)', callList: 'Call list',
    callListIntro: 'These citizens gave no e-mail address. Please call them and tell them the new time or the cancellation with the reason.',
    callListNone: 'Everyone whose appointment was moved or cancelled has been told by e-mail.', printCallList: 'Print the call list',
    phone: 'Phone', before: 'Before', after: 'Now', reason: 'Reason', noPhone: 'no phone number',
  },
  list: {
    title: 'Closures and blocks', link: 'Closures and blocks', closures: 'Closures', blocks: 'Blocks (fewer counters)',
    noneClosures: 'No upcoming closures.', noneBlocks: 'No upcoming blocks.',
    days: 'Days', times: 'Time', wholeDay: 'all day', counters: 'Counters fewer', reason: 'Reason', action: 'Action',
    remove: 'Remove',
    confirmTitle: 'Really remove?', confirmText: 'The times become bookable again.', confirm: 'Yes, remove', cancel: 'Cancel',
    removed: 'Removed. The times are bookable again.', closure: 'closure', block: 'block',
  },
  day: {
    plans: 'Planned changes on this day',
    closed: (when) => `Closed ${when}`,
    blocked: (n, when) => `${n} counter${n === 1 ? '' : 's'} blocked ${when}`,
    wholeDay: 'all day',
  },
};

export function plansTexts(locale: Locale): PlansTexts {
  return locale === 'en' ? en : de;
}
