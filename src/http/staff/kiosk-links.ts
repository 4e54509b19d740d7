// Kiosk links per office: the page for leads (own offices) and admins
// (/staff/kiosk?office=ID: list, create, revoke; office-links.ts). The kiosk
// itself is public at the link's address (http/web/kiosk.ts).
import type { FastifyInstance } from 'fastify';
import { createKioskLink } from '../../app/queue/create-kiosk-link.ts';
import { listOfficeKioskLinks } from '../../app/queue/list-kiosk-links.ts';
import { revokeKioskLink } from '../../app/queue/revoke-kiosk-link.ts';
import { registerOfficeLinkPages } from './office-links.ts';
import type { StaffDeps } from './plugin.ts';

export function registerKioskLinkRoutes(app: FastifyInstance, deps: StaffDeps): void {
  registerOfficeLinkPages(app, deps, {
    path: '/staff/kiosk',
    texts: (a) => a.kiosks,
    list: listOfficeKioskLinks,
    create: createKioskLink,
    revoke: revokeKioskLink,
    warning: (catalog, officeId, a) => (catalog.offices.get(officeId)?.queue?.kiosk ? undefined : a.kiosks.off),
  });
}
