import type { Migration } from './migration.ts';

// Activity under an agreement is read by date (electron/core/features/agreements/activity.ts):
// tasks done and deliveries made since a day. Without these, Home scanned every task of
// the office to find the year's completions. The task index covers all three of its links.
export default {
  version: 7,
  name: '0007-activity-date-indexes',
  up(db) {
    db.exec(`
      CREATE INDEX tasks_completed ON tasks(completed_on, agreement_id, visit_id, commitment_id) WHERE completed_on IS NOT NULL;
      CREATE INDEX deliveries_delivered ON deliveries(delivered_on, commitment_id);
    `);
  },
} satisfies Migration;
