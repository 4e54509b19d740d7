// Texts of the staff administration pages (users, my account, calendar feeds),
// German first, English second.
import type { Locale } from '../../../domain/types.ts';

const de = {
  nav: 'Konto',
  common: {
    never: 'nie', yes: 'ja', no: 'nein', none: 'keine', allOffices: 'alle', back: 'Zurück',
    shownOnce: 'Wird nur jetzt angezeigt. Bitte jetzt kopieren oder weitergeben – es kann später nicht wieder angezeigt werden.',
    revoke: 'Widerrufen', revokeNamed: (l: string) => `„${l}“ widerrufen`, label: 'Bezeichnung', created: 'Erstellt', lastUsed: 'Zuletzt benutzt',
    labelRequired: 'Bitte geben Sie eine Bezeichnung an (höchstens 100 Zeichen).',
  },
  users: {
    title: 'Benutzer', list: 'Alle Benutzer', name: 'Name', email: 'E-Mail-Adresse', role: 'Rolle', offices: 'Dienststellen',
    officesHint: 'Für Leitung und Sachbearbeitung mindestens eine. Administration arbeitet in allen Dienststellen.',
    active: 'Aktiv', lastLogin: 'Letzte Anmeldung', actions: 'Aktion', edit: (n: string) => `${n} bearbeiten`,
    add: 'Benutzer anlegen', addSubmit: 'Anlegen', added: 'Benutzer angelegt', password: 'Passwort',
    addedText: (e: string) => `Das Konto ${e} ist angelegt. Geben Sie der Person dieses Passwort auf sicherem Weg weiter; sie sollte es nach der ersten Anmeldung unter „Konto“ ändern.`,
    editTitle: (n: string) => `Benutzer: ${n}`, save: 'Speichern', saved: 'Gespeichert.',
    deactivate: 'Deaktivieren', reactivate: 'Wieder aktivieren',
    deactivateText: 'Deaktivieren beendet sofort alle Sitzungen, widerruft die API-Schlüssel und die angelegten Kalender-Abos; anmelden ist dann nicht mehr möglich.',
    deactivated: 'Der Benutzer ist deaktiviert. Sitzungen, API-Schlüssel und Kalender-Abos sind beendet.', reactivated: 'Der Benutzer ist wieder aktiv.',
    reset: 'Neues Passwort vergeben', resetText: 'Ein neues zufälliges Passwort wird einmal angezeigt; alle Sitzungen der Person enden.',
    resetDone: 'Neues Passwort', resetDoneText: (e: string) => `Neues Passwort für ${e}. Alle Sitzungen sind beendet.`,
    status: 'Status', inactive: 'deaktiviert', tokens: 'API-Schlüssel', noTokens: 'Keine API-Schlüssel.', tokenRevoked: 'Der API-Schlüssel ist widerrufen.',
    self: 'Das sind Sie. Ihr eigenes Passwort und Ihre Schlüssel ändern Sie unter „Konto“.',
    back: 'Zur Benutzerliste',
    confirm: {
      title: (n: string) => `${n} wirklich deaktivieren?`,
      intro: (n: string, e: string) => `Wenn Sie ${n} (${e}) deaktivieren, geschieht sofort Folgendes:`,
      sessions: (n: number) => n === 0
        ? 'Die Person ist gerade nicht angemeldet (0 Sitzungen); anmelden kann sie sich danach nicht mehr.'
        : `Die Person wird abgemeldet: ${n === 1 ? '1 Sitzung endet' : `${n} Sitzungen enden`} sofort, und anmelden kann sie sich nicht mehr.`,
      tokens: (n: number) => n === 0 ? 'Die Person hat keine API-Schlüssel.'
        : `${n} API-Schlüssel ${n === 1 ? 'funktioniert' : 'funktionieren'} nicht mehr (${n === 1 ? 'er wird' : 'sie werden'} widerrufen); Programme, die ${n === 1 ? 'ihn' : 'sie'} nutzen, erhalten keine Antworten mehr:`,
      feeds: (n: number) => n === 0 ? 'Die Person hat keine Kalender-Abos angelegt.'
        : `${n === 1 ? '1 Kalender-Abo' : `${n} Kalender-Abos`}, ${n === 1 ? 'das' : 'die'} die Person angelegt hat, ${n === 1 ? 'funktioniert' : 'funktionieren'} nicht mehr; Kalender-Apps erhalten darüber keine Termine mehr:`,
      feed: (label: string, office: string) => `„${label}“ (${office})`,
      after: 'Wieder aktivieren ist jederzeit möglich, aber widerrufene API-Schlüssel und Kalender-Abos bleiben widerrufen und müssen neu angelegt werden.',
      yes: 'Ja, deaktivieren', no: 'Abbrechen',
    },
  },
  account: {
    title: 'Mein Konto', details: 'Angaben', password: 'Passwort ändern', current: 'Aktuelles Passwort', next: 'Neues Passwort',
    nextHint: 'Mindestens 12 Zeichen.', confirm: 'Neues Passwort wiederholen', change: 'Passwort ändern',
    changed: (n: number) => `Das Passwort ist geändert. ${n === 1 ? '1 andere Sitzung' : `${n} andere Sitzungen`} beendet.`,
    tokens: 'API-Schlüssel', tokensText: 'Für die Staff-API (/api/v1/staff): als „Authorization: Bearer …“ senden. Ein Schlüssel handelt mit Ihren Rechten.',
    noTokens: 'Keine API-Schlüssel.', newToken: 'Neuer API-Schlüssel', create: 'Schlüssel erzeugen', tokenCreated: 'Neuer API-Schlüssel',
    tokenRevoked: 'Der API-Schlüssel ist widerrufen.', admin: 'Verwaltung', manageUsers: 'Benutzer verwalten',
    feeds: (o: string) => `Kalender-Abos: ${o}`,
    kiosks: (o: string) => `Kiosk-Links: ${o}`,
  },
  feeds: {
    title: (o: string) => `Kalender-Abos: ${o}`, office: 'Dienststelle', show: 'Anzeigen',
    intro: 'Ein Kalender-Abo zeigt die Termine der Dienststelle (7 Tage zurück bis zum Ende des Buchungszeitraums) in einer Kalender-App. Jede Person mit der Adresse kann es lesen: Buchungsnummer, Anliegen und Schalter, ohne Namen und Kontaktdaten.',
    list: 'Bestehende Abos', none: 'Keine Kalender-Abos.', createdBy: 'Angelegt von', add: 'Neues Abo', create: 'Abo anlegen',
    created: 'Kalender-Abo angelegt', url: 'Adresse zum Abonnieren',
    createdText: 'Tragen Sie diese Adresse in der Kalender-App als Abo (Internetkalender) ein. Sie endet, wenn das Abo widerrufen oder die Person, die es angelegt hat, deaktiviert wird.',
    revoked: 'Das Abo ist widerrufen. Die Adresse funktioniert nicht mehr.',
  },
  kiosks: {
    title: (o: string) => `Kiosk-Links: ${o}`, office: 'Dienststelle', show: 'Anzeigen',
    intro: 'Ein Kiosk-Link gibt ein Gerät im Eingangsbereich (Tablet oder PC) für den Selbst-Check-in frei: Wer gebucht hat, meldet sich dort mit der Buchungsnummer oder dem QR-Code an und bekommt eine Wartenummer. Jedes Gerät bekommt einen eigenen Link; er gilt, bis Sie ihn widerrufen.',
    list: 'Bestehende Links', none: 'Keine Kiosk-Links.', createdBy: 'Angelegt von', add: 'Neuer Link (z. B. „Tablet Eingang“)', create: 'Link anlegen',
    created: 'Kiosk-Link angelegt', url: 'Adresse für das Kiosk-Gerät',
    createdText: 'Öffnen Sie diese Adresse auf dem Kiosk-Gerät im Vollbild (z. B. „chromium --kiosk ADRESSE“). Sie wird nur jetzt angezeigt.',
    revoked: 'Der Kiosk-Link ist widerrufen. Das Gerät nimmt ab sofort keine Anmeldungen mehr an.',
    off: 'Der Kiosk ist für diese Dienststelle ausgeschaltet. Die Links gelten erst, wenn er eingeschaltet ist (queue.kiosk: true in der Konfiguration).',
  },
  fieldErrors: {
    'contact.email.invalid': 'Bitte geben Sie eine gültige E-Mail-Adresse an.',
    'email.taken': 'Es gibt schon einen Benutzer mit dieser E-Mail-Adresse.',
    'contact.name.required': 'Bitte geben Sie einen Namen an (höchstens 200 Zeichen).',
    'role.invalid': 'Bitte wählen Sie eine Rolle.',
    'offices.required': 'Leitung und Sachbearbeitung brauchen mindestens eine Dienststelle.',
    'office.unknown': 'Diese Dienststelle gibt es nicht.',
    'user.selfDemote': 'Sie können sich nicht selbst die Administration entziehen.',
    'user.selfDeactivate': 'Sie können sich nicht selbst deaktivieren.',
    'user.selfReset': 'Ihr eigenes Passwort ändern Sie unter „Konto“.',
    'user.lastAdmin': 'Das ist die letzte aktive Administration. Legen Sie zuerst eine weitere an.',
    'password.wrong': 'Das aktuelle Passwort ist falsch.',
    'password.throttled': 'Zu viele falsche Versuche. Bitte warten Sie 15 Minuten.',
    'password.tooShort': 'Das neue Passwort braucht mindestens 12 Zeichen.',
    'password.mismatch': 'Die beiden neuen Passwörter stimmen nicht überein.',
    'label.required': 'Bitte geben Sie eine Bezeichnung an (höchstens 100 Zeichen).',
  } as Record<string, string>,
};

export type AdminTexts = typeof de;

const en: AdminTexts = {
  nav: 'Account',
  common: {
    never: 'never', yes: 'yes', no: 'no', none: 'none', allOffices: 'all', back: 'Back',
    shownOnce: 'Shown only now. Please copy or pass it on now – it cannot be shown again later.',
    revoke: 'Revoke', revokeNamed: (l) => `Revoke “${l}”`, label: 'Label', created: 'Created', lastUsed: 'Last used',
    labelRequired: 'Please enter a label (at most 100 characters).',
  },
  users: {
    title: 'Users', list: 'All users', name: 'Name', email: 'E-mail address', role: 'Role', offices: 'Offices',
    officesHint: 'At least one for office leads and clerks. Admins work in every office.',
    active: 'Active', lastLogin: 'Last login', actions: 'Action', edit: (n) => `Edit ${n}`,
    add: 'Add a user', addSubmit: 'Add', added: 'User added', password: 'Password',
    addedText: (e) => `The account ${e} has been created. Pass this password on securely; it should be changed under “Account” after the first login.`,
    editTitle: (n) => `User: ${n}`, save: 'Save', saved: 'Saved.',
    deactivate: 'Deactivate', reactivate: 'Reactivate',
    deactivateText: 'Deactivating ends all sessions at once and revokes the API tokens and the calendar feeds made by this user; logging in is no longer possible.',
    deactivated: 'The user is deactivated. Sessions, API tokens and calendar feeds have ended.', reactivated: 'The user is active again.',
    reset: 'Set a new password', resetText: 'A new random password is shown once; all sessions of the user end.',
    resetDone: 'New password', resetDoneText: (e) => `New password for ${e}. All sessions have ended.`,
    status: 'Status', inactive: 'deactivated', tokens: 'API tokens', noTokens: 'No API tokens.', tokenRevoked: 'The API token has been revoked.',
    self: 'This is you. Change your own password and tokens under “Account”.',
    back: 'To the list of users',
    confirm: {
      title: (n) => `Really deactivate ${n}?`,
      intro: (n, e) => `If you deactivate ${n} (${e}), this happens at once:`,
      sessions: (n) => n === 0
        ? 'The person is not logged in right now (0 sessions); logging in is no longer possible afterwards.'
        : `The person is logged out: ${n === 1 ? '1 session ends' : `${n} sessions end`} at once, and logging in is no longer possible.`,
      tokens: (n) => n === 0 ? 'They have no API tokens.'
        : `${n === 1 ? '1 API token stops' : `${n} API tokens stop`} working (revoked); programs using ${n === 1 ? 'it' : 'them'} get no more answers:`,
      feeds: (n) => n === 0 ? 'They have made no calendar feeds.'
        : `${n === 1 ? '1 calendar feed' : `${n} calendar feeds`} they made ${n === 1 ? 'stops' : 'stop'} working; calendar apps get no more appointments from ${n === 1 ? 'it' : 'them'}:`,
      feed: (label, office) => `“${label}” (${office})`,
      after: 'Reactivating is possible at any time, but revoked API tokens and calendar feeds stay revoked and must be made anew.',
      yes: 'Yes, deactivate', no: 'Cancel',
    },
  },
  account: {
    title: 'My account', details: 'Details', password: 'Change password', current: 'Current password', next: 'New password',
    nextHint: 'At least 12 characters.', confirm: 'Repeat the new password', change: 'Change password',
    changed: (n) => `The password has been changed. ${n === 1 ? '1 other session' : `${n} other sessions`} ended.`,
    tokens: 'API tokens', tokensText: 'For the staff API (/api/v1/staff): send as “Authorization: Bearer …”. A token acts with your rights.',
    noTokens: 'No API tokens.', newToken: 'New API token', create: 'Create token', tokenCreated: 'New API token',
    tokenRevoked: 'The API token has been revoked.', admin: 'Administration', manageUsers: 'Manage users',
    feeds: (o) => `Calendar feeds: ${o}`,
    kiosks: (o) => `Kiosk links: ${o}`,
  },
  feeds: {
    title: (o) => `Calendar feeds: ${o}`, office: 'Office', show: 'Show',
    intro: 'A calendar feed shows the office\'s appointments (7 days back to the end of the booking horizon) in a calendar app. Anyone with the address can read it: reference, concerns and counter, without names or contact data.',
    list: 'Existing feeds', none: 'No calendar feeds.', createdBy: 'Created by', add: 'New feed', create: 'Create feed',
    created: 'Calendar feed created', url: 'Address to subscribe to',
    createdText: 'Add this address in the calendar app as a subscription (internet calendar). It ends when the feed is revoked or the person who created it is deactivated.',
    revoked: 'The feed has been revoked. The address no longer works.',
  },
  kiosks: {
    title: (o) => `Kiosk links: ${o}`, office: 'Office', show: 'Show',
    intro: 'A kiosk link enables a device at the entrance (tablet or PC) for self check-in: people who booked check in there with their booking reference or QR code and get a waiting number. Each device gets a link of its own; it works until you revoke it.',
    list: 'Existing links', none: 'No kiosk links.', createdBy: 'Created by', add: 'New link (e.g. “Tablet at the entrance”)', create: 'Create link',
    created: 'Kiosk link created', url: 'Address for the kiosk device',
    createdText: 'Open this address on the kiosk device in full screen (e.g. “chromium --kiosk ADDRESS”). It is shown only now.',
    revoked: 'The kiosk link has been revoked. The device no longer accepts check-ins.',
    off: 'The kiosk is switched off for this office. The links work only once it is on (queue.kiosk: true in the configuration).',
  },
  fieldErrors: {
    'contact.email.invalid': 'Please enter a valid e-mail address.',
    'email.taken': 'A user with this e-mail address exists already.',
    'contact.name.required': 'Please enter a name (at most 200 characters).',
    'role.invalid': 'Please choose a role.',
    'offices.required': 'Office leads and clerks need at least one office.',
    'office.unknown': 'This office does not exist.',
    'user.selfDemote': 'You cannot take the admin role from yourself.',
    'user.selfDeactivate': 'You cannot deactivate yourself.',
    'user.selfReset': 'Change your own password under “Account”.',
    'user.lastAdmin': 'This is the last active admin. Add another one first.',
    'password.wrong': 'The current password is wrong.',
    'password.throttled': 'Too many wrong attempts. Please wait 15 minutes.',
    'password.tooShort': 'The new password needs at least 12 characters.',
    'password.mismatch': 'The two new passwords do not match.',
    'label.required': 'Please enter a label (at most 100 characters).',
  },
};

export function adminTexts(locale: Locale): AdminTexts {
  return locale === 'en' ? en : de;
}
