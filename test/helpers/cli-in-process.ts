// Runs `amtszeit …` in this process through runCli(), with the environment
// given (restored afterwards): the same code path as the command, without
// paying a new process's start for every call. cli.test.ts keeps running the
// real command in separate processes (exit codes, output, the data-dir lock).
import { runCli } from '../../src/main.ts';

export async function cliInProcess(args: string[], env: Record<string, string>): Promise<{ code: number; out: string; err: string }> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  const out: string[] = [];
  const err: string[] = [];
  try {
    const code = await runCli(args, { out: (l) => out.push(`${l}\n`), err: (l) => err.push(`${l}\n`) });
    return { code, out: out.join(''), err: err.join('') };
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}
