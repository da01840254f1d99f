import type { CostsByPayer } from '../../../shared/contract/visits.ts';
import type { MoneyTotal } from '../../../shared/money.ts';
import type { ReportLocale } from './format.ts';

/** Amounts in several currencies, one after another and never added: "PEN 18.450,00; USD 2.400,00". */
export const moneyList = (l: ReportLocale, list: readonly MoneyTotal[]) => list.map((m) => l.money(m.minor, m.currency)).join('; ');

/** A visit's costs in a table cell: the office's, then the others', each per currency on its own line. */
export function costsCell(l: ReportLocale, costs: CostsByPayer): string {
  const lines = (['office', 'others'] as const)
    .filter((payer) => costs[payer].length > 0)
    .map((payer) => `${l.t(`reports.costs.${payer}`)}:\n${costs[payer].map((m) => l.money(m.minor, m.currency)).join('\n')}`);
  return lines.join('\n') || l.t('common.none');
}
