// `amtszeit config import FILE [--dry-run] [--keep-conflicts]`, `config export` and `demo`.
import { describeConflict, importConfig } from '../app/import-config.ts';
import { loadDemoConfig } from '../config/demo.ts';
import { exportConfig } from '../config/export.ts';
import { formatProblem } from '../config/validate.ts';
import { DEFAULT_ORG_ID } from '../config/schema.ts';
import { readConfigFile } from '../config/file.ts';
import { loadOrgConfig } from '../db/repositories/organization-repo.ts';
import type { OrgConfig } from '../domain/types.ts';
import type { Env } from '../env.ts';
import { UsageError } from './args.ts';
import { openMigratedDatabase, resolveOrgId } from './runtime.ts';

export interface Output {
  out: (line: string) => void;
  err: (line: string) => void;
}

export async function configImport(env: Env, file: string, opts: { dryRun: boolean; keepConflicts: boolean }, io: Output): Promise<void> {
  const parsed = await readConfigFile(file);
  if (!parsed.ok) throw new UsageError(`${file} is invalid (${parsed.problems.length} problem${parsed.problems.length === 1 ? '' : 's'}):`, parsed.problems.map(formatProblem));
  await applyConfig(env, parsed.orgId === DEFAULT_ORG_ID ? undefined : parsed.orgId, parsed.config, { ...opts, label: file }, io);
}

export async function loadDemo(env: Env, io: Output): Promise<void> {
  const demo = loadDemoConfig();
  await applyConfig(env, undefined, demo.config, { dryRun: false, keepConflicts: false, label: 'the demo city' }, io);
}

async function applyConfig(
  env: Env,
  /** the file's own `organization.id`; without one: ORG_ID, else the only organization, else "default" */
  explicitOrgId: string | undefined,
  config: OrgConfig,
  opts: { dryRun: boolean; keepConflicts: boolean; label: string },
  io: Output,
): Promise<void> {
  const handle = await openMigratedDatabase(env);
  try {
    const orgId = explicitOrgId ?? env.ORG_ID ?? (await resolveOrgId(handle.db, env)) ?? DEFAULT_ORG_ID;
    const result = await importConfig(handle.db, { orgId, config, now: Date.now(), ...opts, actor: 'cli' });
    const tz = config.organization.timezone;
    const lines = result.conflicts.map((c) => describeConflict(c, tz));
    if (!result.applied && result.conflicts.length > 0 && !opts.keepConflicts) {
      throw new UsageError(
        `${opts.label} would strand ${lines.length} upcoming appointment${lines.length === 1 ? '' : 's'}; nothing was changed. ` +
          'Adjust the configuration, or import with --keep-conflicts to keep these appointments as they are (they are marked for staff):',
        lines,
      );
    }
    if (opts.dryRun) {
      io.out(`${opts.label} is valid: ${config.services.length} services, ${config.offices.length} offices (dry run, nothing changed).`);
      for (const l of lines) io.out(`  kept as conflict on import: ${l}`);
      return;
    }
    io.out(`Imported ${opts.label} into organization "${orgId}": ${config.services.length} services, ${config.offices.length} offices.`);
    if (lines.length > 0) {
      io.out(`Kept ${lines.length} conflicting appointment${lines.length === 1 ? '' : 's'} as they are (marked for staff):`);
      for (const l of lines) io.out(`  ${l}`);
    }
  } finally {
    await handle.close();
  }
}

export async function configExport(env: Env, io: Output): Promise<void> {
  const handle = await openMigratedDatabase(env);
  try {
    const orgId = await resolveOrgId(handle.db, env);
    const config = orgId ? await loadOrgConfig(handle.db, orgId) : null;
    if (!orgId || !config) throw new Error('No organization in the database yet: import one with "amtszeit config import FILE" or run "amtszeit demo".');
    io.out(exportConfig(orgId, config).trimEnd());
  } finally {
    await handle.close();
  }
}
