import type { Migration } from './migration.ts';

const isDate = (col: string) => `CHECK (${col} IS NULL OR date(${col}) IS ${col})`;
const isCurrency = (col: string) => `CHECK (${col} IS NULL OR (length(${col}) = 3 AND ${col} GLOB '[A-Z][A-Z][A-Z]'))`;
const isMinor = (col: string) => `CHECK (${col} IS NULL OR (typeof(${col}) = 'integer' AND ${col} >= 0))`;
const record = `
        sample TEXT CHECK (sample IN ('real','invented')),
        search_text TEXT NOT NULL,
        archived_at TEXT,
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL`;

// Contacts, delegation visits (with their participants, agenda, outcomes,
// costs and gifts) and follow-up tasks. Links to agreements and contacts have
// no ON DELETE action, so the file itself refuses to delete what a visit uses.
export default {
  version: 2,
  name: '0002-contacts-visits-tasks',
  up(db) {
    db.exec(`
      CREATE TABLE contacts (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        native_name TEXT,
        title TEXT,
        organisation TEXT,
        locality_id INTEGER REFERENCES localities(id),
        languages TEXT,
        email TEXT,
        phone TEXT,
        notes TEXT,${record}
      );
      CREATE INDEX contacts_locality ON contacts(locality_id);
      CREATE INDEX contacts_search ON contacts(search_text);

      CREATE TABLE visits (
        id INTEGER PRIMARY KEY,
        direction TEXT NOT NULL CHECK (direction IN ('inbound','outbound')),
        status TEXT NOT NULL CHECK (status IN ('planned','confirmed','done','cancelled')),
        starts_on TEXT NOT NULL CHECK (date(starts_on) IS starts_on),
        ends_on TEXT NOT NULL CHECK (date(ends_on) IS ends_on),
        locality_id INTEGER REFERENCES localities(id),
        venue TEXT,
        purpose TEXT NOT NULL CHECK (length(trim(purpose)) > 0),
        dietary_notes TEXT,
        interpreter_notes TEXT,
        notes TEXT,${record},
        CHECK (ends_on >= starts_on)
      );
      CREATE INDEX visits_starts ON visits(starts_on);
      CREATE INDEX visits_ends ON visits(ends_on);
      CREATE INDEX visits_locality ON visits(locality_id);

      CREATE TABLE visit_agreements (
        visit_id INTEGER NOT NULL REFERENCES visits(id) ON DELETE CASCADE,
        agreement_id INTEGER NOT NULL REFERENCES agreements(id),
        PRIMARY KEY (visit_id, agreement_id)
      ) WITHOUT ROWID;
      CREATE INDEX visit_agreements_agreement ON visit_agreements(agreement_id, visit_id);

      CREATE TABLE visit_participants (
        id INTEGER PRIMARY KEY,
        visit_id INTEGER NOT NULL REFERENCES visits(id) ON DELETE CASCADE,
        contact_id INTEGER NOT NULL REFERENCES contacts(id),
        role TEXT NOT NULL CHECK (role IN ('head_of_delegation','member','interpreter','host','staff','other')),
        position INTEGER NOT NULL DEFAULT 0,
        UNIQUE (visit_id, contact_id)
      );
      CREATE INDEX visit_participants_contact ON visit_participants(contact_id);

      CREATE TABLE visit_agenda_items (
        id INTEGER PRIMARY KEY,
        visit_id INTEGER NOT NULL REFERENCES visits(id) ON DELETE CASCADE,
        position INTEGER NOT NULL DEFAULT 0,
        on_date TEXT NOT NULL CHECK (date(on_date) IS on_date),
        at_time TEXT CHECK (at_time IS NULL OR (length(at_time) = 5 AND time(at_time || ':00') IS at_time || ':00')),
        place TEXT,
        what TEXT NOT NULL CHECK (length(trim(what)) > 0),
        with_whom TEXT
      );
      CREATE INDEX visit_agenda_visit ON visit_agenda_items(visit_id);

      CREATE TABLE tasks (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL CHECK (length(trim(title)) > 0),
        description TEXT,
        due_on TEXT ${isDate('due_on')},
        assignee TEXT,
        priority TEXT NOT NULL CHECK (priority IN ('low','normal','high')),
        status TEXT NOT NULL CHECK (status IN ('open','in_progress','done','cancelled')),
        completed_on TEXT ${isDate('completed_on')},
        agreement_id INTEGER REFERENCES agreements(id),
        visit_id INTEGER REFERENCES visits(id),
        sample TEXT CHECK (sample IN ('real','invented')),
        search_text TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK ((status = 'done') = (completed_on IS NOT NULL))
      );
      CREATE INDEX tasks_open_due ON tasks(status, due_on);
      CREATE INDEX tasks_agreement ON tasks(agreement_id);
      CREATE INDEX tasks_visit ON tasks(visit_id);
      CREATE INDEX tasks_assignee ON tasks(assignee, status);

      -- One linked record at most. A trigger rather than a table CHECK, so a later
      -- migration adding another kind of link (commitments) replaces it without
      -- rebuilding the table.
      CREATE TRIGGER tasks_one_link_insert BEFORE INSERT ON tasks
        WHEN NEW.agreement_id IS NOT NULL AND NEW.visit_id IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: task has more than one linked record'); END;
      CREATE TRIGGER tasks_one_link_update BEFORE UPDATE ON tasks
        WHEN NEW.agreement_id IS NOT NULL AND NEW.visit_id IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: task has more than one linked record'); END;

      CREATE TABLE visit_outcomes (
        id INTEGER PRIMARY KEY,
        visit_id INTEGER NOT NULL REFERENCES visits(id) ON DELETE CASCADE,
        position INTEGER NOT NULL DEFAULT 0,
        text TEXT NOT NULL CHECK (length(trim(text)) > 0),
        task_id INTEGER REFERENCES tasks(id) ON DELETE SET NULL
      );
      CREATE INDEX visit_outcomes_visit ON visit_outcomes(visit_id);
      CREATE INDEX visit_outcomes_task ON visit_outcomes(task_id);

      CREATE TABLE visit_costs (
        id INTEGER PRIMARY KEY,
        visit_id INTEGER NOT NULL REFERENCES visits(id) ON DELETE CASCADE,
        position INTEGER NOT NULL DEFAULT 0,
        item TEXT NOT NULL CHECK (length(trim(item)) > 0),
        amount_minor INTEGER NOT NULL ${isMinor('amount_minor')},
        currency TEXT NOT NULL ${isCurrency('currency')},
        paid_by TEXT NOT NULL CHECK (paid_by IN ('ours','partner','third_party'))
      );
      CREATE INDEX visit_costs_visit ON visit_costs(visit_id);

      CREATE TABLE visit_gifts (
        id INTEGER PRIMARY KEY,
        visit_id INTEGER NOT NULL REFERENCES visits(id) ON DELETE CASCADE,
        position INTEGER NOT NULL DEFAULT 0,
        direction TEXT NOT NULL CHECK (direction IN ('given','received')),
        what TEXT NOT NULL CHECK (length(trim(what)) > 0),
        counterpart TEXT,
        value_minor INTEGER ${isMinor('value_minor')},
        currency TEXT ${isCurrency('currency')},
        CHECK ((value_minor IS NULL) = (currency IS NULL))
      );
      CREATE INDEX visit_gifts_visit ON visit_gifts(visit_id);
    `);
  },
} satisfies Migration;
