// TRUST_PROXY: parsed in env.ts (false, hops, or a list), turned into Fastify's
// trustProxy by trust-proxy.ts; the client address is counted from the right.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import { EnvError, parseEnv } from '../env.ts';
import { fastifyTrustProxy, type TrustProxySetting } from './trust-proxy.ts';

test('TRUST_PROXY parses to false, a number of hops, or a list', () => {
  const parsed = (v: string | undefined) => parseEnv({ TRUST_PROXY: v }).TRUST_PROXY;
  assert.equal(parsed(undefined), false);
  for (const v of ['', 'false', 'no', '0', 'FALSE']) assert.equal(parsed(v), false, v);
  for (const v of ['1', 'true', 'yes', 'True']) assert.equal(parsed(v), 1, v);
  assert.equal(parsed('2'), 2);
  assert.deepEqual(parsed('10.0.0.5, 10.1.0.0/16,::1, fd00::/8 ,loopback'), ['10.0.0.5', '10.1.0.0/16', '::1', 'fd00::/8', 'loopback']);
});

test('a bad TRUST_PROXY stops the start with a message that says what is allowed', () => {
  for (const v of ['proxy.example.org', '10.0.0.0/33', '10.0.0.1,nonsense', '::1/129', '1.2.3', '21', ',']) {
    assert.throws(() => parseEnv({ TRUST_PROXY: v }), (e: unknown) => {
      assert.ok(e instanceof EnvError, v);
      assert.match(e.message, /^TRUST_PROXY: /m, v);
      assert.match(e.message, /proxy/, v);
      return true;
    });
  }
  assert.match(String((() => { try { parseEnv({ TRUST_PROXY: '10.0.0.1,nonsense' }); } catch (e) { return (e as Error).message; } })()), /"nonsense" is neither a number of proxy hops nor a proxy address or CIDR range/);
});

test('RATE_LIMIT_READS_PER_MINUTE: 1200 unless set, 0 turns it off', () => {
  assert.equal(parseEnv({}).RATE_LIMIT_READS_PER_MINUTE, 1200);
  assert.equal(parseEnv({ RATE_LIMIT_READS_PER_MINUTE: '0' }).RATE_LIMIT_READS_PER_MINUTE, 0);
  assert.throws(() => parseEnv({ RATE_LIMIT_READS_PER_MINUTE: '-1' }), EnvError);
});

async function clientIp(setting: TrustProxySetting, xff: string | undefined, remoteAddress = '127.0.0.1') {
  const app = Fastify({ trustProxy: fastifyTrustProxy(setting) });
  app.get('/', async (req) => ({ ip: req.ip, protocol: req.protocol }));
  const r = await app.inject({ url: '/', remoteAddress, headers: { ...(xff === undefined ? {} : { 'x-forwarded-for': xff }), 'x-forwarded-proto': 'https' } });
  await app.close();
  return r.json() as { ip: string; protocol: string };
}

test('the client is the first X-Forwarded-For entry from the right that no trusted proxy wrote', async () => {
  // no proxy trusted: the TCP peer, headers ignored
  assert.deepEqual(await clientIp(false, '198.51.100.1'), { ip: '127.0.0.1', protocol: 'http' });
  assert.deepEqual(await clientIp(0, '198.51.100.1'), { ip: '127.0.0.1', protocol: 'http' });
  // one hop: what that proxy saw (right-most), not what the client wrote (left-most)
  assert.deepEqual(await clientIp(1, '198.51.100.1, 203.0.113.7'), { ip: '203.0.113.7', protocol: 'https' });
  assert.equal((await clientIp(true, '198.51.100.1, 203.0.113.7')).ip, '203.0.113.7');
  assert.equal((await clientIp(1, '203.0.113.7')).ip, '203.0.113.7');
  assert.equal((await clientIp(1, undefined)).ip, '127.0.0.1');
  // two hops: the client as the outer proxy saw it
  assert.equal((await clientIp(2, '198.51.100.1, 203.0.113.7, 10.0.0.9')).ip, '203.0.113.7');
  // a list: every hop from a listed proxy is skipped, however many
  assert.equal((await clientIp(['127.0.0.1', '10.0.0.0/8'], '198.51.100.1, 203.0.113.7, 10.0.0.9, 10.0.0.8')).ip, '203.0.113.7');
  assert.equal((await clientIp(['loopback'], '198.51.100.1, 203.0.113.7')).ip, '203.0.113.7');
  // a peer that is not a listed proxy is the client; its headers are not believed
  assert.deepEqual(await clientIp(['10.0.0.0/8'], '198.51.100.1', '192.0.2.50'), { ip: '192.0.2.50', protocol: 'http' });
  assert.equal(fastifyTrustProxy([]), false);
});
