import type { Generated } from 'kysely';

type Sample = 'real' | 'invented' | null;

export interface SettingsTable {
  key: string;
  value: string;
}

export interface LocalitiesTable {
  id: Generated<number>;
  name: string;
  native_name: string | null;
  country: string;
  level: string;
  parent_id: number | null;
  sample: Sample;
  search_text: string;
  archived_at: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface ThematicAreasTable {
  id: Generated<number>;
  code: string | null;
  name: string | null;
}

export interface AgreementsTable {
  id: Generated<number>;
  partner_id: number;
  kind: string;
  stage: string;
  stage_since: string | null;
  letter_of_intent_on: string | null;
  signed_on: string | null;
  signed_place: string | null;
  signatories_ours: string | null;
  signatories_theirs: string | null;
  resolution_number: string | null;
  resolution_on: string | null;
  channel: string;
  renewal_on: string | null;
  expires_on: string | null;
  ended_on: string | null;
  notes: string | null;
  sample: Sample;
  search_text: string;
  archived_at: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface AgreementAreasTable {
  agreement_id: number;
  area_id: number;
}

export interface AgreementStagesTable {
  id: Generated<number>;
  agreement_id: number;
  stage: string;
  effective_on: string;
  note: string | null;
  recorded_at: string;
  user_name: string;
}

export interface CommitmentsTable {
  id: Generated<number>;
  agreement_id: number;
  area_id: number | null;
  kind: string;
  direction: string;
  description: string;
  quantity: number;
  unit: string | null;
  value_minor: number | null;
  currency: string | null;
  due_on: string | null;
  notes: string | null;
  cancelled_at: string | null;
  cancel_reason: string | null;
  /** Maintained by triggers on deliveries; never written by the app. */
  delivered_quantity: Generated<number>;
  search_text: string;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface OfficeEventsTable {
  id: Generated<number>;
  title: string;
  all_day: number;
  starts_at: string;
  ends_at: string;
  place: string | null;
  notes: string | null;
  agreement_id: number | null;
  sample: Sample;
  search_text: string;
  archived_at: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface DeliveriesTable {
  id: Generated<number>;
  commitment_id: number;
  delivered_on: string;
  quantity: number;
  value_minor: number | null;
  currency: string | null;
  notes: string | null;
  over_delivery_confirmed: number;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface BeneficiariesTable {
  id: Generated<number>;
  delivery_id: number;
  position: number;
  name: string;
  native_name: string | null;
  school: string | null;
  tutor: string | null;
  period: string | null;
  destination: string | null;
  search_text: string;
}

export interface AttachmentsTable {
  id: Generated<number>;
  sha256: string;
  original_name: string;
  mime_type: string;
  size: number;
  created_at: string;
}

export interface AttachmentLinksTable {
  id: Generated<number>;
  attachment_id: number;
  entity: string;
  entity_id: number;
  file_name: string;
  created_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  entity: string;
  entity_id: number;
  action: 'create' | 'update' | 'archive' | 'restore' | 'delete' | 'refuse' | 'login' | 'logout';
  before_json: string | null;
  after_json: string | null;
  at: string;
  user_name: string;
  /** The signed-in user (0009); null for the desktop's own user and rows from before accounts. */
  user_id: Generated<number | null>;
}

export interface UsersTable {
  id: Generated<number>;
  login: string;
  name: string;
  role: 'reader' | 'editor' | 'admin';
  password_hash: string;
  language: 'es' | 'pt' | 'en' | null;
  disabled_at: string | null;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: string;
}

/** The columns every archivable, searchable record added since 0002 carries. */
interface RecordColumns {
  sample: Sample;
  search_text: string;
  archived_at: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface ContactsTable extends RecordColumns {
  id: Generated<number>;
  name: string;
  native_name: string | null;
  title: string | null;
  organisation: string | null;
  locality_id: number | null;
  languages: string | null;
  email: string | null;
  phone: string | null;
  notes: string | null;
}

export interface VisitsTable extends RecordColumns {
  id: Generated<number>;
  direction: 'inbound' | 'outbound';
  status: 'planned' | 'confirmed' | 'done' | 'cancelled';
  starts_on: string;
  ends_on: string;
  locality_id: number | null;
  venue: string | null;
  purpose: string;
  dietary_notes: string | null;
  interpreter_notes: string | null;
  notes: string | null;
}

export interface VisitAgreementsTable {
  visit_id: number;
  agreement_id: number;
}

export interface VisitParticipantsTable {
  id: Generated<number>;
  visit_id: number;
  contact_id: number;
  role: string;
  position: number;
}

export interface VisitAgendaItemsTable {
  id: Generated<number>;
  visit_id: number;
  position: number;
  on_date: string;
  at_time: string | null;
  place: string | null;
  what: string;
  with_whom: string | null;
}

export interface VisitOutcomesTable {
  id: Generated<number>;
  visit_id: number;
  position: number;
  text: string;
  task_id: number | null;
}

export interface VisitCostsTable {
  id: Generated<number>;
  visit_id: number;
  position: number;
  item: string;
  amount_minor: number;
  currency: string;
  paid_by: 'ours' | 'partner' | 'third_party';
}

export interface VisitGiftsTable {
  id: Generated<number>;
  visit_id: number;
  position: number;
  direction: 'given' | 'received';
  what: string;
  counterpart: string | null;
  value_minor: number | null;
  currency: string | null;
}

/** Tasks are cancelled, not archived. */
export interface TasksTable extends Omit<RecordColumns, 'archived_at'> {
  id: Generated<number>;
  title: string;
  description: string | null;
  due_on: string | null;
  assignee: string | null;
  priority: 'low' | 'normal' | 'high';
  status: 'open' | 'in_progress' | 'done' | 'cancelled';
  completed_on: string | null;
  agreement_id: number | null;
  visit_id: number | null;
  commitment_id: number | null;
}

/** Every table the app reads or writes; queries are typed from this. */
export interface DB {
  settings: SettingsTable;
  localities: LocalitiesTable;
  thematic_areas: ThematicAreasTable;
  agreements: AgreementsTable;
  agreement_areas: AgreementAreasTable;
  agreement_stages: AgreementStagesTable;
  commitments: CommitmentsTable;
  deliveries: DeliveriesTable;
  beneficiaries: BeneficiariesTable;
  attachments: AttachmentsTable;
  attachment_links: AttachmentLinksTable;
  office_events: OfficeEventsTable;
  audit_log: AuditLogTable;
  users: UsersTable;
  schema_migrations: SchemaMigrationsTable;
  contacts: ContactsTable;
  visits: VisitsTable;
  visit_agreements: VisitAgreementsTable;
  visit_participants: VisitParticipantsTable;
  visit_agenda_items: VisitAgendaItemsTable;
  visit_outcomes: VisitOutcomesTable;
  visit_costs: VisitCostsTable;
  visit_gifts: VisitGiftsTable;
  tasks: TasksTable;
}
