// The engine's results do not depend on the host's time zone (process.env.TZ).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { engineDigest } from './engine-digest.ts';
import { built, LOADER_ARGS } from '../../test/helpers/node-child.ts';

const HOST_ZONES = ['UTC', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/Los_Angeles', 'Asia/Kathmandu', 'Europe/Berlin'];
const digestUrl = new URL(built('./engine-digest.ts'), import.meta.url).href;

function digestIn(tz: string): string {
  const code = `import { engineDigest } from ${JSON.stringify(digestUrl)}; process.stdout.write(JSON.stringify(engineDigest()));`;
  return execFileSync(process.execPath, [...LOADER_ARGS, '--input-type=module', '-e', code], {
    env: { ...process.env, TZ: tz }, cwd: fileURLToPath(new URL('../..', import.meta.url)), encoding: 'utf8',
  });
}

test('identical results in fresh processes under very different host zones', () => {
  const here = JSON.stringify(engineDigest());
  // sanity: the digest carries real content (and would differ if the engine's zone were wrong)
  assert.ok(here.includes('"2026-10-25T02:00:00+02:00"') && here.includes('"2026-10-25T02:00:00+01:00"'));
  assert.ok(here.includes('Buß- und Bettag'));
  for (const tz of HOST_ZONES) {
    const out = digestIn(tz);
    assert.equal(out, here, `host TZ ${tz}`);
  }
});

test('identical results when TZ changes inside the running process', () => {
  const before = process.env.TZ;
  const here = JSON.stringify(engineDigest());
  try {
    for (const tz of HOST_ZONES) {
      process.env.TZ = tz;
      assert.equal(JSON.stringify(engineDigest()), here, `TZ=${tz}`);
    }
  } finally {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  }
});
