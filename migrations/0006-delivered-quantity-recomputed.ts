import type { Migration } from './migration.ts';

// A commitment's delivered quantity was kept by adding and subtracting each
// delivery's quantity. Anything that replays row changes (the undo log
// re-inserting a removed delivery after putting the counter back) then counted
// a delivery twice: 5 delivered, remove 3, undo → 8. The triggers now recompute
// the sum from the deliveries themselves, so the column cannot drift from its
// rows, and files that drifted are repaired here.
export default {
  version: 6,
  name: '0006-delivered-quantity-recomputed',
  up(db) {
    db.exec(`
      DROP TRIGGER deliveries_after_insert;
      DROP TRIGGER deliveries_after_delete;
      DROP TRIGGER deliveries_after_update;

      CREATE TRIGGER deliveries_after_insert AFTER INSERT ON deliveries BEGIN
        UPDATE commitments SET delivered_quantity = (SELECT coalesce(sum(quantity), 0) FROM deliveries WHERE commitment_id = commitments.id)
          WHERE id = NEW.commitment_id;
      END;
      CREATE TRIGGER deliveries_after_delete AFTER DELETE ON deliveries BEGIN
        UPDATE commitments SET delivered_quantity = (SELECT coalesce(sum(quantity), 0) FROM deliveries WHERE commitment_id = commitments.id)
          WHERE id = OLD.commitment_id;
      END;
      CREATE TRIGGER deliveries_after_update AFTER UPDATE OF quantity, commitment_id ON deliveries BEGIN
        UPDATE commitments SET delivered_quantity = (SELECT coalesce(sum(quantity), 0) FROM deliveries WHERE commitment_id = commitments.id)
          WHERE id IN (OLD.commitment_id, NEW.commitment_id);
      END;

      UPDATE commitments SET delivered_quantity = (SELECT coalesce(sum(quantity), 0) FROM deliveries WHERE commitment_id = commitments.id)
        WHERE delivered_quantity IS NOT (SELECT coalesce(sum(quantity), 0) FROM deliveries WHERE commitment_id = commitments.id);
    `);
  },
} satisfies Migration;
