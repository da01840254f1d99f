import type { Migration } from './migration.ts';

const isDate = (col: string) => `CHECK (${col} IS NULL OR date(${col}) IS ${col})`;

export default {
  version: 1,
  name: '0001-localities-agreements',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL CHECK (json_valid(value))
      ) WITHOUT ROWID;

      CREATE TABLE localities (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        native_name TEXT,
        country TEXT NOT NULL CHECK (length(country) = 2 AND country = upper(country)),
        level TEXT NOT NULL CHECK (level IN ('city','province','region','department','municipality','other')),
        parent_id INTEGER REFERENCES localities(id),
        sample TEXT CHECK (sample IN ('real','invented')),
        search_text TEXT NOT NULL,
        archived_at TEXT,
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (parent_id IS NULL OR parent_id <> id)
      );
      CREATE INDEX localities_parent ON localities(parent_id);

      CREATE TABLE thematic_areas (
        id INTEGER PRIMARY KEY,
        code TEXT UNIQUE,
        name TEXT UNIQUE,
        CHECK (code IS NOT NULL OR length(trim(name)) > 0)
      );
      INSERT INTO thematic_areas (code) VALUES
        ('culture'),('education'),('sports'),('tourism'),('trade'),('science_technology'),('mining'),
        ('planning'),('construction'),('urban_administration'),('economy_commerce'),('health'),('environment');

      CREATE TABLE agreements (
        id INTEGER PRIMARY KEY,
        partner_id INTEGER NOT NULL REFERENCES localities(id),
        kind TEXT NOT NULL CHECK (kind IN ('twinning','friendship','cooperation_memorandum','other')),
        stage TEXT NOT NULL CHECK (stage IN ('under_discussion','letter_of_intent','signed','active','dormant','ended')),
        stage_since TEXT ${isDate('stage_since')},
        letter_of_intent_on TEXT ${isDate('letter_of_intent_on')},
        signed_on TEXT ${isDate('signed_on')},
        signed_place TEXT,
        signatories_ours TEXT,
        signatories_theirs TEXT,
        resolution_number TEXT,
        resolution_on TEXT ${isDate('resolution_on')},
        channel TEXT NOT NULL CHECK (channel IN ('bilateral','forum','embassy','other')),
        renewal_on TEXT ${isDate('renewal_on')},
        expires_on TEXT ${isDate('expires_on')},
        ended_on TEXT ${isDate('ended_on')},
        notes TEXT,
        sample TEXT CHECK (sample IN ('real','invented')),
        search_text TEXT NOT NULL,
        archived_at TEXT,
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (signed_on IS NULL OR letter_of_intent_on IS NULL OR signed_on >= letter_of_intent_on),
        CHECK (expires_on IS NULL OR signed_on IS NULL OR expires_on >= signed_on),
        CHECK (renewal_on IS NULL OR signed_on IS NULL OR renewal_on >= signed_on),
        CHECK (stage <> 'ended' OR ended_on IS NOT NULL)
      );
      CREATE INDEX agreements_partner ON agreements(partner_id);
      CREATE INDEX agreements_stage ON agreements(stage);

      CREATE TABLE agreement_areas (
        agreement_id INTEGER NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
        area_id INTEGER NOT NULL REFERENCES thematic_areas(id),
        PRIMARY KEY (agreement_id, area_id)
      ) WITHOUT ROWID;
      CREATE INDEX agreement_areas_area ON agreement_areas(area_id);

      CREATE TABLE agreement_stages (
        id INTEGER PRIMARY KEY,
        agreement_id INTEGER NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
        stage TEXT NOT NULL CHECK (stage IN ('under_discussion','letter_of_intent','signed','active','dormant','ended')),
        effective_on TEXT NOT NULL CHECK (date(effective_on) IS effective_on),
        note TEXT,
        recorded_at TEXT NOT NULL,
        user_name TEXT NOT NULL DEFAULT ''
      );
      CREATE INDEX agreement_stages_agreement ON agreement_stages(agreement_id);

      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        entity TEXT NOT NULL,
        entity_id INTEGER NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('create','update','archive','restore','delete')),
        before_json TEXT CHECK (before_json IS NULL OR json_valid(before_json)),
        after_json TEXT CHECK (after_json IS NULL OR json_valid(after_json)),
        at TEXT NOT NULL,
        user_name TEXT NOT NULL DEFAULT ''
      );
      CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);
    `);
  },
} satisfies Migration;
