// A tiny argument reader for the CLI: positional words and --flags.
export interface Args {
  positional: string[];
  flags: Set<string>;
}

export function parseArgs(argv: string[]): Args {
  const positional: string[] = [];
  const flags = new Set<string>();
  for (const a of argv) {
    if (a.startsWith('--')) flags.add(a.slice(2));
    else positional.push(a);
  }
  return { positional, flags };
}

/** Thrown for bad command-line input: exit code 2. */
export class UsageError extends Error {
  constructor(message: string, readonly lines: string[] = []) {
    super(message);
  }
}

export function checkFlags(args: Args, allowed: string[]): void {
  const unknown = [...args.flags].filter((f) => !allowed.includes(f));
  if (unknown.length > 0) throw new UsageError(`unknown option ${unknown.map((f) => `--${f}`).join(', ')}`);
}
