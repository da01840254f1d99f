import type { CommitmentStatus } from './contract/commitments.ts';

export type StatusFacts = { quantity: number; delivered: number; dueOn: string | null; cancelledAt: string | null };

/**
 * The one rule for a commitment's status; the SQL in
 * electron/core/features/commitments/status-sql.ts says the same thing and a
 * test checks they agree. Due today is not overdue: the day is not over.
 */
export function commitmentStatus(c: StatusFacts, today: string): CommitmentStatus {
  if (c.cancelledAt !== null) return 'cancelled';
  if (c.delivered >= c.quantity) return 'delivered';
  if (c.dueOn !== null && c.dueOn < today) return 'overdue';
  return c.delivered > 0 ? 'partly_delivered' : 'promised';
}
