import { convertMinor, decimalsWords, formatMinor } from '../../../shared/currency';
import { maxValueMinor } from '../../../shared/schemas/deal';
import { invalid } from '../records/problems';

interface Worth {
  title: string;
  valueMinor: number;
  currency: string;
}

/**
 * A deal's worth in another currency: the same amount in that currency's
 * minor units (€5,000.00 is ¥5,000, ¥5,000 is €5,000.00), never the same
 * minor units reread. VALIDATION under `field`, naming the deal, when there
 * is no exact amount (€5,000.50 in yen) or it would be too large.
 */
export function amountIn(deal: Worth, currency: string, field: string): { currency: string; valueMinor: number } {
  const converted = convertMinor(deal.valueMinor, deal.currency, currency, maxValueMinor);
  if (converted.ok) return { currency, valueMinor: converted.valueMinor };
  const worth = `“${deal.title}” is worth ${formatMinor(deal.valueMinor, deal.currency, 'en')}`;
  throw invalid(
    field,
    converted.reason === 'inexact'
      ? `${worth}, which has no exact amount in ${currency} (${currency} has ${decimalsWords(currency)}). Change its value first.`
      : `${worth}, which in ${currency} would be more than a deal can hold.`,
  );
}
