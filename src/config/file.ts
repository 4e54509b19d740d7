// Reads a config file (YAML or JSON) into a validated OrgConfig, or into the
// list of its problems, each with the line it is on where that is known.
// Never throws for a bad file: syntax errors are problems at path `(file)`.

import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { LineCounter, parseDocument, isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { Locale } from '../domain/types.ts';
import type { Segment } from './checks.ts';
import { renderMessage } from './messages.ts';
import { toProblem, validateDetailed, type Problem, type ValidationResult } from './validate.ts';

export type ConfigFormat = 'yaml' | 'json';

/**
 * YAML 1.2 core schema whatever the file declares: `2026-12-24` and `08:00`
 * stay strings (YAML 1.1 would make a date and the number 480 of them), and
 * `yes`/`no`/`on`/`off` are not booleans.
 */
const YAML_OPTIONS = {
  version: '1.2',
  schema: 'core',
  merge: true,
  uniqueKeys: true,
  prettyErrors: false,
  resolveKnownTags: false,
} as const;

/** JSON by extension `.json`, YAML by `.yaml`/`.yml`; else JSON if it starts with `{` and parses as JSON. */
export function detectFormat(text: string, filename?: string): ConfigFormat {
  const ext = filename ? extname(filename).toLowerCase() : '';
  if (ext === '.json') return 'json';
  if (ext === '.yaml' || ext === '.yml') return 'yaml';
  if (/^\s*[{[]/.test(text)) {
    try {
      JSON.parse(text);
      return 'json';
    } catch {
      // YAML flow style, or broken JSON: YAML (a superset of JSON) reports where
    }
  }
  return 'yaml';
}

export function parseConfigText(text: string, filename?: string, locale: Locale = 'en'): ValidationResult {
  const source = text.replace(/^\uFEFF/, '');
  const format = detectFormat(source, filename);
  const fileProblem = (params: Record<string, unknown>, key = 'syntax'): ValidationResult => ({
    ok: false,
    problems: [{ path: '(file)', message: renderMessage(locale, key, params), ...(params.line ? { line: params.line as number } : {}) }],
  });

  let data: unknown;
  let doc: Document | undefined;
  const lines = new LineCounter();

  if (format === 'json') {
    try {
      data = JSON.parse(source);
    } catch (e) {
      const detail = (e as Error).message;
      const at = /at position (\d+)/.exec(detail);
      const pos = at ? Number(at[1]) : /end of JSON input/.test(detail) ? source.length : undefined;
      const { line, col } = pos !== undefined ? lineAndColumn(source, pos) : { line: undefined, col: undefined };
      return fileProblem({ format: 'JSON', line, col, detail: detail.replace(/ in JSON at position \d+.*$/, '') });
    }
  } else {
    doc = parseDocument(source, { ...YAML_OPTIONS, lineCounter: lines });
    const errors = doc.errors;
    if (errors.length > 0) {
      return {
        ok: false,
        problems: errors.map((e) => {
          const { line, col } = lines.linePos(e.pos[0]);
          return { path: '(file)', line, message: renderMessage(locale, 'syntax', { format: 'YAML', line, col, detail: e.message }) };
        }),
      };
    }
    try {
      data = doc.toJS({ maxAliasCount: 1000 });
    } catch (e) {
      return fileProblem({ format: 'YAML', detail: (e as Error).message });
    }
  }

  const result = validateDetailed(data);
  if (result.ok) return result;

  // Lines for the problems: JSON is parsed once more, as YAML, only for positions.
  if (!doc) doc = parseDocument(source, { ...YAML_OPTIONS, lineCounter: lines });
  return {
    ok: false,
    problems: result.problems.map((p): Problem => {
      const problem = toProblem(p, locale);
      const pos = p.path.length > 0 ? positionOf(doc!, p.path) : undefined;
      return pos === undefined ? problem : { ...problem, line: lines.linePos(pos).line };
    }),
  };
}

export async function readConfigFile(path: string, locale: Locale = 'en'): Promise<ValidationResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const detail = err.code === 'ENOENT' ? `${path}: no such file` : err.message;
    return { ok: false, problems: [{ path: '(file)', message: renderMessage(locale, 'unreadable', { detail }) }] };
  }
  return parseConfigText(text, path, locale);
}

function lineAndColumn(text: string, pos: number): { line: number; col: number } {
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  return { line, col: pos - before.lastIndexOf('\n') };
}

/** Offset of the place `path` names: the key of a mapping entry, an item of a list, or the nearest existing parent. */
function positionOf(doc: Document, path: readonly Segment[]): number | undefined {
  let node: unknown = doc.contents;
  let pos = (node as Node | null)?.range?.[0];
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(seg));
      if (!pair) break;
      pos = (pair.key as Node | null)?.range?.[0] ?? pos;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number' && node.items[seg]) {
      node = node.items[seg];
      pos = (node as Node).range?.[0] ?? pos;
    } else {
      break;
    }
  }
  return pos;
}
