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
  action: 'create' | 'update' | 'archive' | 'restore' | 'delete';
  before_json: string | null;
  after_json: string | null;
  at: string;
  user_name: string;
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: string;
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
  schema_migrations: SchemaMigrationsTable;
}
