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

/** An agreement with no visit or task (or other activity) in the last 12 months. */
export type QuietAgreement = {
  agreementId: number;
  partnerName: string;
  partnerNativeName: string | null;
  stage: string;
  /** The latest visit or task date found, if any. */
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
};
