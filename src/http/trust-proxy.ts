// Which proxies in front of the server are believed about the client's address
// (and X-Forwarded-Proto / -Host), as Fastify's `trustProxy` option.
// X-Forwarded-For is read from the right: each trusted proxy appended the
// address it saw, so the client's address is the first entry from the right
// that no trusted proxy wrote. The left-most entry is whatever the client sent
// and is never believed on its own.
// - false / 0: no proxy; the client is the TCP peer.
// - a number of hops (true = 1): that many proxies in front. Fastify 5 itself
//   ignores a numeric trustProxy (it trusts nothing then), so we pass a function
//   that trusts the peer and the next hops-1 entries. The server must then be
//   reachable only through those proxies, or a direct client could add entries.
// - a list of addresses / CIDR ranges (or loopback, linklocal, uniquelocal):
//   every hop from one of them is trusted, whatever their number.
export type TrustProxySetting = boolean | number | string[];

export function fastifyTrustProxy(setting: TrustProxySetting): false | string[] | ((address: string, hop: number) => boolean) {
  if (Array.isArray(setting)) return setting.length > 0 ? setting : false;
  const hops = setting === true ? 1 : setting === false ? 0 : Math.trunc(setting);
  if (hops <= 0) return false;
  // proxy-addr asks about each address from the TCP peer (i = 0) leftwards; the first untrusted one is the client
  return (_address: string, i: number) => i < hops;
}
