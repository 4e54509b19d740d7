// An organization's configuration with lookup maps, as the use cases need it.
import type { Office, OrgConfig, Service } from '../domain/types.ts';

export interface Catalog {
  orgId: string;
  config: OrgConfig;
  services: Map<string, Service>;
  offices: Map<string, Office>;
  /** the stored configuration's version (see loadVersionedConfig); absent for a catalog built by hand */
  version?: string;
}

export function buildCatalog(orgId: string, config: OrgConfig, version?: string): Catalog {
  return {
    orgId,
    ...(version === undefined ? {} : { version }),
    config,
    services: new Map(config.services.map((s) => [s.id, s])),
    offices: new Map(config.offices.map((o) => [o.id, o])),
  };
}
