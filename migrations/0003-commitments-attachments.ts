import type { Migration } from './migration.ts';

const isDate = (col: string) => `CHECK (${col} IS NULL OR date(${col}) IS ${col})`;
// Money is integer minor units with its ISO 4217 code: both or neither.
const money = `
  value_minor INTEGER CHECK (value_minor IS NULL OR value_minor >= 0),
  currency TEXT CHECK (currency IS NULL OR (length(currency) = 3 AND currency = upper(currency))),
  CHECK ((value_minor IS NULL) = (currency IS NULL))`;

export default {
  version: 3,
  name: '0003-commitments-attachments',
  up(db) {
    db.exec(`
      CREATE TABLE commitments (
        id INTEGER PRIMARY KEY,
        agreement_id INTEGER NOT NULL REFERENCES agreements(id),
        area_id INTEGER REFERENCES thematic_areas(id),
        kind TEXT NOT NULL CHECK (kind IN ('scholarship','donation_in_kind','donation_in_cash','exchange','training','technical_assistance','joint_project','other')),
        direction TEXT NOT NULL CHECK (direction IN ('give','receive')),
        description TEXT NOT NULL CHECK (length(trim(description)) > 0),
        quantity INTEGER NOT NULL CHECK (quantity > 0),
        unit TEXT,
        due_on TEXT ${isDate('due_on')},
        notes TEXT,
        cancelled_at TEXT,
        cancel_reason TEXT,
        -- Kept by the triggers below from the deliveries, never written by the app,
        -- so the derived status can be filtered and indexed without a join.
        delivered_quantity INTEGER NOT NULL DEFAULT 0 CHECK (delivered_quantity >= 0),
        search_text TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        ${money},
        CHECK ((cancelled_at IS NULL) = (cancel_reason IS NULL)),
        CHECK (cancel_reason IS NULL OR length(trim(cancel_reason)) > 0)
      );
      CREATE INDEX commitments_agreement ON commitments(agreement_id);
      CREATE INDEX commitments_due ON commitments(due_on);
      -- The officers' "open commitments" view: not cancelled, not fully delivered, by due date.
      CREATE INDEX commitments_open_due ON commitments(due_on, id)
        WHERE cancelled_at IS NULL AND delivered_quantity < quantity;

      CREATE TABLE deliveries (
        id INTEGER PRIMARY KEY,
        commitment_id INTEGER NOT NULL REFERENCES commitments(id),
        delivered_on TEXT NOT NULL CHECK (date(delivered_on) IS delivered_on),
        quantity INTEGER NOT NULL CHECK (quantity >= 0),
        notes TEXT,
        over_delivery_confirmed INTEGER NOT NULL DEFAULT 0 CHECK (over_delivery_confirmed IN (0, 1)),
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        ${money}
      );
      CREATE INDEX deliveries_commitment ON deliveries(commitment_id, quantity);

      CREATE TRIGGER deliveries_after_insert AFTER INSERT ON deliveries BEGIN
        UPDATE commitments SET delivered_quantity = delivered_quantity + NEW.quantity WHERE id = NEW.commitment_id;
      END;
      CREATE TRIGGER deliveries_after_delete AFTER DELETE ON deliveries BEGIN
        UPDATE commitments SET delivered_quantity = delivered_quantity - OLD.quantity WHERE id = OLD.commitment_id;
      END;
      CREATE TRIGGER deliveries_after_update AFTER UPDATE OF quantity, commitment_id ON deliveries BEGIN
        UPDATE commitments SET delivered_quantity = delivered_quantity - OLD.quantity WHERE id = OLD.commitment_id;
        UPDATE commitments SET delivered_quantity = delivered_quantity + NEW.quantity WHERE id = NEW.commitment_id;
      END;

      CREATE TABLE beneficiaries (
        id INTEGER PRIMARY KEY,
        delivery_id INTEGER NOT NULL REFERENCES deliveries(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        native_name TEXT,
        school TEXT,
        tutor TEXT,
        period TEXT,
        destination TEXT,
        search_text TEXT NOT NULL
      );
      CREATE INDEX beneficiaries_delivery ON beneficiaries(delivery_id, position);

      CREATE TABLE attachments (
        id INTEGER PRIMARY KEY,
        sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
        original_name TEXT NOT NULL CHECK (length(trim(original_name)) > 0),
        mime_type TEXT NOT NULL,
        size INTEGER NOT NULL CHECK (size >= 0),
        created_at TEXT NOT NULL
      );

      -- Polymorphic: one table of links for every kind of record, so there is no
      -- foreign key on entity_id; the service checks the record exists.
      CREATE TABLE attachment_links (
        id INTEGER PRIMARY KEY,
        attachment_id INTEGER NOT NULL REFERENCES attachments(id),
        entity TEXT NOT NULL CHECK (entity IN ('agreement','visit','commitment','delivery')),
        entity_id INTEGER NOT NULL,
        file_name TEXT NOT NULL CHECK (length(trim(file_name)) > 0),
        created_at TEXT NOT NULL,
        UNIQUE (entity, entity_id, attachment_id)
      );
      CREATE INDEX attachment_links_attachment ON attachment_links(attachment_id);
    `);
  },
} satisfies Migration;
