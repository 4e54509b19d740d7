// Keeps e-mail addresses out of logs, /healthz and the outbox's last_error:
// `erika.mustermann@example.org` becomes `e***@example.org` (the domain stays,
// it tells which provider refused). Applied to every error text the relay and
// the transports report, including SMTP server replies, which quote the
// recipient (`550 5.1.1 <erika@example.org>: Recipient address rejected`).

// The local part: anything up to the @ that cannot end an address in a reply
// (space, brackets, quotes, separators, `=` of `to=…`, `/` of a URL, `*` of
// an already masked one), or a quoted local part.
const LOCAL = String.raw`(?:"[^"\r\n]*"|[^\s<>()[\]\\,;:"'@=/*]+)`;
// The domain: labels with a dot, or an address literal [192.0.2.1].
const DOMAIN = String.raw`(?:\[[0-9A-Fa-f:.]+\]|(?:[^\s<>()[\]\\,;:"'@.]+\.)+[^\s<>()[\]\\,;:"'@.]+)`;
const ADDRESS = new RegExp(`${LOCAL}@${DOMAIN}`, 'gu');

/** The address with its local part reduced to its first character: `e***@example.org`. */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 0) return address;
  const local = address.slice(0, at);
  const first = [...local.replace(/^"/, '')][0] ?? '';
  return `${first}***${address.slice(at)}`;
}

/** The text with every e-mail address in it masked. */
export function maskEmails(text: string): string {
  return text.replace(ADDRESS, (m) => maskEmail(m));
}
