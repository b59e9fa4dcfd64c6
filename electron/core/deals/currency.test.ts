import { describe, expect, it } from 'vitest';
import { call, count, failure, update, fromCurrent } from '../../../tests/support/crm';
import { useCores } from '../../../tests/support/core';
import { useTempDirs } from '../../../tests/support/temp-dir';

// A currency change keeps what the deal is worth in its own units: €5,000.00 is ¥5,000, never ¥500,000.
describe('changing a deal’s currency', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  it('in bulk, EUR → JPY converts by the currencies’ decimals (€5,000.00 is ¥5,000), and undo brings back both', async () => {
    const core = await openCore(tempDir());
    const renewal = await call(core, 'deals.create', { title: 'Acme renewal', valueMinor: 500_000, currency: 'EUR' });
    const pilot = await call(core, 'deals.create', { title: 'Globex pilot', valueMinor: 12_000, currency: 'EUR' });
    const result = await call(core, 'bulk.apply', {
      kind: 'deal',
      ids: [renewal.id, pilot.id],
      action: { type: 'set', field: 'currency', value: 'JPY' },
    });
    expect(result).toMatchObject({ changed: 2, skipped: 0 });
    expect(await call(core, 'deals.get', { id: renewal.id })).toMatchObject({ currency: 'JPY', valueMinor: 5_000 });
    expect(await call(core, 'deals.get', { id: pilot.id })).toMatchObject({ currency: 'JPY', valueMinor: 120 });
    expect(
      count(
        core,
        "SELECT count(*) FROM record_history WHERE field = 'valueMinor' AND old_value = 500000 AND new_value = 5000",
      ),
    ).toBe(1);

    if (result.undo?.type !== 'edit') throw new Error('expected an edit undo');
    expect(await call(core, 'bulk.undo', { undoId: result.undo.undoId })).toEqual({ reverted: 2, skipped: 0 });
    expect(await call(core, 'deals.get', { id: renewal.id })).toMatchObject({ currency: 'EUR', valueMinor: 500_000 });
    expect(await call(core, 'deals.get', { id: pilot.id })).toMatchObject({ currency: 'EUR', valueMinor: 12_000 });
  });

  it('in bulk, JPY → EUR and EUR → KWD add the decimals the new currency has (¥5,000 is €5,000.00)', async () => {
    const core = await openCore(tempDir());
    const yen = await call(core, 'deals.create', { title: 'Tokyo office', valueMinor: 5_000, currency: 'JPY' });
    await call(core, 'bulk.apply', {
      kind: 'deal',
      ids: [yen.id],
      action: { type: 'set', field: 'currency', value: 'EUR' },
    });
    expect(await call(core, 'deals.get', { id: yen.id })).toMatchObject({ currency: 'EUR', valueMinor: 500_000 });
    await call(core, 'bulk.apply', {
      kind: 'deal',
      ids: [yen.id],
      action: { type: 'set', field: 'currency', value: 'KWD' },
    });
    expect(await call(core, 'deals.get', { id: yen.id })).toMatchObject({ currency: 'KWD', valueMinor: 5_000_000 });
  });

  it('in bulk, EUR → JPY with cents has no exact yen amount: refused, naming the deal, and nothing changes', async () => {
    const core = await openCore(tempDir());
    const round = await call(core, 'deals.create', { title: 'Round', valueMinor: 500_000, currency: 'EUR' });
    const cents = await call(core, 'deals.create', { title: 'Acme renewal', valueMinor: 500_050, currency: 'EUR' });
    const before = count(core, 'SELECT count(*) FROM record_history');
    const error = await failure(core, 'bulk.apply', {
      kind: 'deal',
      ids: [round.id, cents.id],
      action: { type: 'set', field: 'currency', value: 'JPY' },
    });
    expect(error).toMatchObject({
      code: 'VALIDATION',
      details: {
        fields: [
          {
            field: 'action.value',
            message:
              '“Acme renewal” is worth €5,000.50, which has no exact amount in JPY (JPY has no decimals). Change its value first.',
          },
        ],
      },
    });
    expect(await call(core, 'deals.get', { id: round.id })).toMatchObject({ currency: 'EUR', valueMinor: 500_000 });
    expect(await call(core, 'deals.get', { id: cents.id })).toMatchObject({ currency: 'EUR', valueMinor: 500_050 });
    expect(count(core, 'SELECT count(*) FROM record_history')).toBe(before);
  });

  it('deals.update with only a currency converts the same way; with a value too, the value is taken as given', async () => {
    const core = await openCore(tempDir());
    const deal = await call(core, 'deals.create', { title: 'Renewal', valueMinor: 500_000, currency: 'EUR' });
    expect(await update(core, 'deals.update', { id: deal.id, currency: 'JPY' })).toMatchObject({
      currency: 'JPY',
      valueMinor: 5_000,
    });
    expect(await update(core, 'deals.update', { id: deal.id, currency: 'USD', valueMinor: 4_250 })).toMatchObject({
      currency: 'USD',
      valueMinor: 4_250,
    });
    expect(
      await failure(core, 'deals.update', fromCurrent(core, 'deals.update', { id: deal.id, currency: 'JPY' })),
    ).toMatchObject({ code: 'VALIDATION', details: { fields: [{ field: 'currency' }] } });
    expect(await call(core, 'deals.get', { id: deal.id })).toMatchObject({ currency: 'USD', valueMinor: 4_250 });
  });
});
