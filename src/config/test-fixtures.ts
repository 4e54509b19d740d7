// A small valid config file (as parsed from YAML/JSON) for the config tests.
// Each call returns a fresh copy that a test may change.

export type AnyConfig = any;

export function validFile(): AnyConfig {
  return {
    organization: {
      name: 'Stadt Testhausen',
      timezone: 'Europe/Berlin',
      publicUrl: 'https://termine.example.org',
    },
    services: [
      { id: 'passport', name: 'Reisepass', area: 'Ausweise', minutes: 15 },
      {
        id: 'anmeldung',
        name: { de: 'Anmeldung einer Wohnung', en: 'Registering an address' },
        area: { de: 'Meldewesen', en: 'Residence registration' },
        minutes: 10,
        maxQuantity: 5,
        documents: ['Personalausweis'],
        keywords: { de: ['Umzug'], en: ['moving'] },
      },
    ],
    offices: [
      {
        id: 'buergeramt',
        name: 'Bürgeramt',
        address: 'Markt 1, 04109 Testhausen',
        phone: '0341 123',
        email: 'amt@example.org',
        slotMinutes: 5,
        hours: [
          { days: ['mon', 'tue'], from: '08:00', to: '12:00', counters: 2 },
          { days: ['tue'], from: '13:00', to: '18:00', counters: 2, online: 1, phone: 2 },
        ],
        closures: [{ date: '2026-12-24' }],
        extraHours: [{ date: '2026-12-05', from: '09:00', to: '12:00', counters: 1 }],
      },
    ],
  };
}
