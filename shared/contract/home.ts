import type { Task } from './tasks.ts';
import type { VisitRow } from './visits.ts';

/** An agreement whose renewal or expiry date falls inside the reminder window. */
export type AgreementDate = {
  agreementId: number;
  partnerName: string;
  partnerNativeName: string | null;
  which: 'renewal' | 'expiry';
  date: string;
};

/** An agreement with no dated event (visit, delivery, task done, stage, office event) in the last 12 months. */
export type QuietAgreement = {
  agreementId: number;
  partnerName: string;
  partnerNativeName: string | null;
  stage: string;
  /** The day of its latest event up to today, if any. */
  lastActivityOn: string | null;
};

export type HomeSummary = {
  today: string;
  windowDays: number;
  overdue: { total: number; rows: Task[] };
  dueThisWeek: { total: number; rows: Task[] };
  nextVisits: VisitRow[];
  agreementDates: AgreementDate[];
  quietAgreements: QuietAgreement[];
  /** Agreements not archived: with none, Home says what to do first instead of "all had activity". */
  agreementCount: number;
};
