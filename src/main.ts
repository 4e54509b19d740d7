// Composition root and CLI: `amtszeit [serve|worker|migrate|config import FILE|config export|demo|help]`.
// Exit codes: 0 success, 2 invalid input (every problem listed as `path: message`), 1 other failures.
import { pathToFileURL } from 'node:url';
import { checkFlags, parseArgs, UsageError } from './cli/args.ts';
import type { Output } from './cli/config-commands.ts';
import { DataDirLockedError } from './db/lock.ts';
import { EnvError, parseEnv } from './env.ts';

export const USAGE = `Usage: amtszeit <command>

Commands:
  serve                         start the web server (default); loads the demo city into an empty database
  worker                        send mail and run background jobs without the web server
                                (PostgreSQL only: DATABASE_URL; set RELAY=off JOBS=off on the servers)
  migrate                       apply database migrations
  config import FILE            replace the organization's configuration with FILE (YAML or JSON)
      --dry-run                 only validate and report conflicts; change nothing
      --keep-conflicts          import even if upcoming appointments no longer fit; keep them as they are
  config export                 print the configuration as YAML
  demo                          load the demo city (Stadt Markkleeberg)
  user add --email E --name N --role admin|lead|clerk [--office ID …]
                                create a staff account for the back office (/staff); the password is
                                AMTSZEIT_PASSWORD, else generated and printed once
  user token --email E [--label L]
                                create a token for the staff API (/api/v1/staff), printed once
  user token --email E --list | --revoke ID|all
                                list a user's API tokens, or revoke one or all
  user deactivate|reactivate --email E
                                deactivate an account (ends its sessions, revokes its tokens and feeds) or undo that
  help                          show this text

Environment: PORT, HOST, DATABASE_URL (PostgreSQL; else embedded PGlite in DATA_DIR=./data), LOG_LEVEL, ORG_ID,
  SMTP_URL, MAIL_FROM (else mails go to MAIL_DIR=DATA_DIR/mail, shown at /dev/mail), RELAY=on|off, JOBS=on|off.
Exit codes: 0 success, 2 invalid input, 1 other failure.`;

// Each command loads only its own modules: `help` or a config command never
// pays for the web server's, and a CLI call in a script starts quickly.
const commands = {
  config: () => import('./cli/config-commands.ts'),
  runtime: () => import('./cli/runtime.ts'),
  serve: () => import('./cli/serve.ts'),
  user: () => import('./cli/user-commands.ts'),
  userAdmin: () => import('./cli/user-admin-commands.ts'),
  worker: () => import('./cli/worker.ts'),
};

export async function runCli(argv: string[], io: Output): Promise<number> {
  const args = parseArgs(argv);
  const [command = 'serve', sub, file, ...rest] = args.positional;
  try {
    if (command === 'help' || args.flags.has('help')) {
      io.out(USAGE);
      return 0;
    }
    const env = parseEnv();
    switch (command) {
      case 'serve':
        checkFlags(args, []);
        await (await commands.serve()).serve(env);
        return 0;
      case 'worker':
        checkFlags(args, []);
        await (await commands.worker()).worker(env);
        return 0;
      case 'migrate': {
        checkFlags(args, []);
        const handle = await (await commands.runtime()).openMigratedDatabase(env);
        await handle.close();
        io.out('Database is up to date.');
        return 0;
      }
      case 'demo':
        checkFlags(args, []);
        await (await commands.config()).loadDemo(env, io);
        return 0;
      case 'user': {
        if (sub === 'token') {
          const rest = argv.slice(argv.indexOf('token') + 1);
          await (rest.includes('--list') || rest.includes('--revoke')
            ? (await commands.userAdmin()).userTokenManage(env, rest, io)
            : (await commands.user()).userToken(env, rest, io));
          return 0;
        }
        if (sub === 'deactivate' || sub === 'reactivate') {
          await (await commands.userAdmin()).userSetActive(env, argv.slice(argv.indexOf(sub) + 1), io, sub === 'reactivate');
          return 0;
        }
        if (sub !== 'add') throw new UsageError(`unknown user command "${sub ?? ''}": use "user add --email E --name N --role R [--office ID …]", "user token --email E", "user deactivate --email E"`);
        await (await commands.user()).userAdd(env, argv.slice(argv.indexOf('add') + 1), io);
        return 0;
      }
      case 'config':
        if (sub === 'import') {
          checkFlags(args, ['dry-run', 'keep-conflicts']);
          if (!file) throw new UsageError('config import needs a FILE: amtszeit config import city.yaml');
          if (rest.length > 0) throw new UsageError(`unexpected argument ${rest[0]}`);
          await (await commands.config()).configImport(env, file, { dryRun: args.flags.has('dry-run'), keepConflicts: args.flags.has('keep-conflicts') }, io);
          return 0;
        }
        if (sub === 'export') {
          checkFlags(args, []);
          await (await commands.config()).configExport(env, io);
          return 0;
        }
        throw new UsageError(`unknown config command "${sub ?? ''}": use "config import FILE" or "config export"`);
      default:
        throw new UsageError(`unknown command "${command}"\n\n${USAGE}`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`amtszeit: ${e.message}`);
      for (const l of e.lines) io.err(l);
      return 2;
    }
    if (e instanceof EnvError) {
      io.err(`amtszeit: ${e.message}`);
      return 2;
    }
    if (e instanceof DataDirLockedError) {
      io.err(`amtszeit: ${e.message}`);
      return 1;
    }
    io.err(`amtszeit: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

const isEntry = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href;
const viaBin = process.argv[1]?.endsWith('amtszeit') || process.argv[1]?.endsWith('amtszeit.js');
if (isEntry || viaBin) {
  const code = await runCli(process.argv.slice(2), {
    out: (l) => process.stdout.write(`${l}\n`),
    err: (l) => process.stderr.write(`${l}\n`),
  });
  // serve keeps running; other commands end here
  if (code !== 0 || (process.argv[2] ?? 'serve') !== 'serve') process.exitCode = code;
}
