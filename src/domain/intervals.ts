// Pure interval algebra on half-open [start, end) number ranges (cal.com-style union/subtract/intersect).

export interface Interval {
  start: number;
  end: number;
}

/** Sorted, non-overlapping, non-adjacent, non-empty copy: overlapping or touching intervals are merged. */
export function normalize(list: readonly Interval[]): Interval[] {
  const sorted = list.filter((i) => i.end > i.start).map((i) => ({ start: i.start, end: i.end }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else out.push(i);
  }
  return out;
}

/** Every point in a or b. */
export function union(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  return normalize([...a, ...b]);
}

/** Every point in both a and b. */
export function intersect(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const x = normalize(a), y = normalize(b);
  const out: Interval[] = [];
  let i = 0, j = 0;
  while (i < x.length && j < y.length) {
    const start = Math.max(x[i].start, y[j].start);
    const end = Math.min(x[i].end, y[j].end);
    if (start < end) out.push({ start, end });
    if (x[i].end < y[j].end) i++;
    else j++;
  }
  return out;
}

/** Every point in a but not in b. */
export function subtract(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const x = normalize(a), y = normalize(b);
  const out: Interval[] = [];
  let j = 0;
  for (const iv of x) {
    let cur = iv.start;
    while (j < y.length && y[j].end <= cur) j++;
    for (let k = j; k < y.length && y[k].start < iv.end; k++) {
      if (y[k].start > cur) out.push({ start: cur, end: y[k].start });
      cur = Math.max(cur, y[k].end);
    }
    if (cur < iv.end) out.push({ start: cur, end: iv.end });
  }
  return out;
}

/** Whether [start, end) lies wholly inside one interval of a normalised list. */
export function covers(list: readonly Interval[], start: number, end: number): boolean {
  return list.some((i) => i.start <= start && end <= i.end);
}
