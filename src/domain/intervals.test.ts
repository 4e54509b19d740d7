// Tests for intervals.ts: examples plus a point-sampling property against a brute-force set model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { covers, intersect, normalize, subtract, union, type Interval } from './intervals.ts';

const iv = (start: number, end: number): Interval => ({ start, end });

test('examples', () => {
  assert.deepEqual(normalize([iv(5, 7), iv(1, 3), iv(3, 4), iv(6, 9), iv(2, 2)]), [iv(1, 4), iv(5, 9)]);
  assert.deepEqual(union([iv(8, 12)], [iv(13, 18), iv(11, 14)]), [iv(8, 18)]);
  assert.deepEqual(subtract([iv(8, 18)], [iv(12, 13)]), [iv(8, 12), iv(13, 18)]);
  assert.deepEqual(subtract([iv(8, 12), iv(13, 18)], [iv(0, 9), iv(17, 30)]), [iv(9, 12), iv(13, 17)]);
  assert.deepEqual(subtract([iv(8, 12)], [iv(8, 12)]), []);
  assert.deepEqual(intersect([iv(8, 12), iv(13, 18)], [iv(10, 15)]), [iv(10, 12), iv(13, 15)]);
  assert.equal(covers([iv(8, 12), iv(13, 18)], 9, 12), true);
  assert.equal(covers([iv(8, 12), iv(13, 18)], 11, 14), false);
});

const listArb = fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 8 }))
  .map(([s, l]) => iv(s, s + l)), { maxLength: 8 });
const inAny = (l: Interval[], p: number) => l.some((i) => i.start <= p && p < i.end);

test('union, intersect, subtract agree with sets of points and return normalised lists', () => {
  fc.assert(fc.property(listArb, listArb, (a, b) => {
    const u = union(a, b), n = intersect(a, b), s = subtract(a, b);
    for (const r of [u, n, s]) {
      for (let k = 0; k < r.length; k++) {
        assert.ok(r[k].start < r[k].end);
        if (k > 0) assert.ok(r[k - 1].end < r[k].start, 'sorted, disjoint, not touching');
      }
    }
    for (let p = 0; p < 50; p += 0.5) {
      assert.equal(inAny(u, p), inAny(a, p) || inAny(b, p));
      assert.equal(inAny(n, p), inAny(a, p) && inAny(b, p));
      assert.equal(inAny(s, p), inAny(a, p) && !inAny(b, p));
    }
  }), { numRuns: 500 });
});
