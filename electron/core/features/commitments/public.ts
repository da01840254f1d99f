// What other features use of commitments: the SQL of a commitment's status (the partner figures).
export { statusFilterSql } from './status-sql.ts';
