import type { Migration } from './migration.ts';

// A partner's place on the map: decimal degrees (WGS 84), both or neither.
// The checks are the contract's, so a file edited by hand cannot hold a point off the globe.
export default {
  version: 11,
  name: '0011-locality-coordinates',
  up(db) {
    db.exec(`
      ALTER TABLE localities ADD COLUMN latitude REAL CHECK (latitude IS NULL OR latitude BETWEEN -90 AND 90);
      ALTER TABLE localities ADD COLUMN longitude REAL
        CHECK (longitude IS NULL OR longitude BETWEEN -180 AND 180)
        CHECK ((longitude IS NULL) = (latitude IS NULL));
    `);
  },
} satisfies Migration;
