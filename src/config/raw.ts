// An OrgConfig as the plain data a config file holds: the export read back the
// way `config import` reads a file. A settings page edits this data and hands it
// to the import's validation (validate.ts), so a form is checked exactly like a file.
import { parseDocument } from 'yaml';
import type { OrgConfig } from '../domain/types.ts';
import { exportConfig } from './export.ts';

export type RawConfig = Record<string, unknown> & {
  organization: Record<string, unknown>;
  services: Record<string, unknown>[];
  offices: Record<string, unknown>[];
};

export function rawConfig(orgId: string, config: OrgConfig): RawConfig {
  return parseDocument(exportConfig(orgId, config), { version: '1.2', schema: 'core' }).toJS() as RawConfig;
}
