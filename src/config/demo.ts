// The bundled demo organization (Stadt Markkleeberg), loaded on a new
// installation that has no config of its own.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ConfigError, type ParsedConfig } from './validate.ts';
import { parseConfigText } from './file.ts';

export const DEMO_CONFIG_PATH = fileURLToPath(new URL('./demo/markkleeberg.yaml', import.meta.url));

/** The demo config, validated; throws a ConfigError if the bundled file is invalid. (`path`: for tests.) */
export function loadDemoConfig(path: string = DEMO_CONFIG_PATH): ParsedConfig {
  const result = parseConfigText(readFileSync(path, 'utf8'), path);
  if (!result.ok) throw new ConfigError(result.problems, path);
  return { orgId: result.orgId, config: result.config };
}
