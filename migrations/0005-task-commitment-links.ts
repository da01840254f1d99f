import type { Migration } from './migration.ts';

// Tasks may follow up a commitment (send the list of scholars, collect the receipt).
// Adding a column keeps every existing task as it was; the one-link rule is a
// trigger so it can grow without rebuilding the table.
export default {
  version: 5,
  name: '0005-task-commitment-links',
  up(db) {
    db.exec(`
      ALTER TABLE tasks ADD COLUMN commitment_id INTEGER REFERENCES commitments(id);
      CREATE INDEX tasks_commitment ON tasks(commitment_id) WHERE commitment_id IS NOT NULL;

      DROP TRIGGER tasks_one_link_insert;
      DROP TRIGGER tasks_one_link_update;
      CREATE TRIGGER tasks_one_link_insert BEFORE INSERT ON tasks
        WHEN (NEW.agreement_id IS NOT NULL) + (NEW.visit_id IS NOT NULL) + (NEW.commitment_id IS NOT NULL) > 1
        BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: task has more than one linked record'); END;
      CREATE TRIGGER tasks_one_link_update BEFORE UPDATE ON tasks
        WHEN (NEW.agreement_id IS NOT NULL) + (NEW.visit_id IS NOT NULL) + (NEW.commitment_id IS NOT NULL) > 1
        BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: task has more than one linked record'); END;
    `);
  },
} satisfies Migration;
