// Kysely table types; they mirror src/db/migrations.
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamp with a database default. (Generated<Timestamp> would not work:
 * Kysely does not unwrap a ColumnType nested in Generated, so rows would not be Date.) */
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** a nullable timestamp, NULL unless written */
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T> = ColumnType<T, string, string>;

export interface OrganizationsTable {
  id: string;
  config: Json<unknown>;
  updated_at: GeneratedTimestamp;
}

export interface CatalogTable {
  org_id: string;
  id: string;
  position: number;
  data: Json<unknown>;
}

export type AppointmentStatus = 'held' | 'pending' | 'booked' | 'cancelled' | 'checked_in' | 'completed' | 'no_show';

export interface StoredServiceLine {
  id: string;
  quantity: number;
}

export interface AppointmentsTable {
  org_id: string;
  id: Generated<string>;
  office_id: string;
  lane: number;
  starts_at: Timestamp;
  ends_at: Timestamp;
  period: ColumnType<string, never, never>;
  status: AppointmentStatus;
  channel: 'online' | 'phone' | 'counter';
  expires_at: Timestamp | null;
  reference: string | null;
  token_hash: string | null;
  services: Json<StoredServiceLine[]>;
  duration_minutes: number;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  email_key: string | null;
  locale: Generated<string>;
  sequence: Generated<number>;
  conflict: string | null;
  cancel_reason: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  cancelled_at: Timestamp | null;
  anonymized_at: Timestamp | null;
}

export interface IdempotencyKeysTable {
  org_id: string;
  key: string;
  request_hash: string;
  status_code: number | null;
  response: Json<unknown> | null;
  created_at: GeneratedTimestamp;
}

export interface OutboxTable {
  org_id: string;
  id: Generated<string>;
  appointment_id: string | null;
  kind: string;
  recipient: string;
  locale: Generated<string>;
  payload: Json<unknown>;
  status: Generated<'pending' | 'sent' | 'failed'>;
  attempts: Generated<number>;
  next_attempt_at: GeneratedTimestamp;
  last_error: string | null;
  created_at: GeneratedTimestamp;
  sent_at: Timestamp | null;
}

export interface AuditLogTable {
  org_id: string;
  id: Generated<string>;
  at: GeneratedTimestamp;
  actor: string;
  action: string;
  details: Json<unknown>;
  /** the appointment an `appointment.*` entry is about (migration 008) */
  appointment_id: string | null;
  /** the office the entry concerns; null for organization-wide entries */
  office_id: string | null;
  /** the staff user who made the change, if one did */
  actor_user_id: string | null;
}

export type StaffRole = 'admin' | 'lead' | 'clerk';

export interface StaffUsersTable {
  org_id: string;
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string;
  role: StaffRole;
  offices: Json<string[]>;
  active: Generated<boolean>;
  created_at: GeneratedTimestamp;
  last_login_at: NullableTimestamp;
}

export interface StaffSessionsTable {
  org_id: string;
  id_hash: string;
  user_id: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
}

export interface StaffApiTokensTable {
  org_id: string;
  id_hash: string;
  user_id: string;
  label: string;
  created_at: GeneratedTimestamp;
  id: Generated<string>;
  last_used_at: NullableTimestamp;
}

export interface StaffCalendarFeedsTable {
  org_id: string;
  id: Generated<string>;
  id_hash: string;
  office_id: string;
  label: string;
  created_by: string;
  created_at: GeneratedTimestamp;
  last_used_at: NullableTimestamp;
}

export interface KioskLinksTable {
  org_id: string;
  id: Generated<string>;
  id_hash: string;
  office_id: string;
  label: string;
  created_by: string;
  created_at: GeneratedTimestamp;
  last_used_at: NullableTimestamp;
}

export interface StaffLoginFailuresTable {
  org_id: string;
  key: string;
  at: Timestamp;
}

/** Shared request counters (migration 006, db/repositories/rate-limit-repo.ts). */
export interface RateLimitsTable {
  org_id: string;
  bucket: string;
  key: string;
  window_start: Timestamp;
  expires_at: Timestamp;
  count: number;
}

export type QueueTicketStatus = 'waiting' | 'called' | 'serving' | 'done' | 'no_show' | 'deferred';
export type QueueTicketKind = 'appointment' | 'walk_in';

/** A waiting number of an office's day (migration 009). */
export interface QueueTicketsTable {
  org_id: string;
  id: Generated<string>;
  office_id: string;
  /** the local day, `YYYY-MM-DD` */
  day: ColumnType<string, string, string>;
  number: string;
  seq: number;
  kind: QueueTicketKind;
  appointment_id: string | null;
  /** walk-ins: the concerns asked for; appointments: [] (the appointment has them) */
  concerns: Json<StoredServiceLine[]>;
  status: Generated<QueueTicketStatus>;
  /** when the ticket is due by the queue's rule: a booked start (on time or within the grace), else the arrival */
  priority_at: Timestamp;
  arrived_at: Timestamp;
  called_at: NullableTimestamp;
  called_by: string | null;
  desk: string | null;
  started_at: NullableTimestamp;
  finished_at: NullableTimestamp;
  deferred_at: NullableTimestamp;
  call_count: Generated<number>;
}

export interface Database {
  organizations: OrganizationsTable;
  services: CatalogTable;
  offices: CatalogTable;
  appointments: AppointmentsTable;
  idempotency_keys: IdempotencyKeysTable;
  outbox: OutboxTable;
  audit_log: AuditLogTable;
  staff_users: StaffUsersTable;
  staff_sessions: StaffSessionsTable;
  staff_api_tokens: StaffApiTokensTable;
  staff_login_failures: StaffLoginFailuresTable;
  staff_calendar_feeds: StaffCalendarFeedsTable;
  rate_limits: RateLimitsTable;
  queue_tickets: QueueTicketsTable;
  kiosk_links: KioskLinksTable;
}
