import { describe, expect, it } from 'vitest';
import type { RecordRef } from '../../../shared/schemas/attachment';
import { call, count, danglingKeys, smallCrm } from '../../../tests/support/crm';
import { useCores } from '../../../tests/support/core';
import { samples } from '../../../tests/support/sample-files';
import { useTempDirs } from '../../../tests/support/temp-dir';
import type { Core } from '../core';

async function attach(core: Core, record: RecordRef, fileName: string, bytes: Buffer) {
  const { uploadId } = await call(core, 'attachments.start', { record, fileName, size: bytes.length });
  await call(core, 'attachments.chunk', { uploadId, offset: 0, data: bytes.toString('base64') });
  return call(core, 'attachments.finish', { uploadId });
}

describe('attachments on any kind of record', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  it('files attach to companies, deals and activities, list on their record and show on its timeline', async () => {
    const core = await openCore(tempDir());
    const crm = await smallCrm(core);
    const records: RecordRef[] = [
      { kind: 'company', id: crm.acme.id },
      { kind: 'deal', id: crm.renewal.id },
      { kind: 'activity', id: crm.call1.id },
    ];
    for (const record of records) {
      const attachment = await attach(core, record, `${record.kind}.pdf`, samples.pdf);
      expect(attachment).toMatchObject({ record, fileName: `${record.kind}.pdf`, previewable: true });
      expect((await call(core, 'attachments.list', { record })).attachments.map((file) => file.fileName)).toEqual([
        `${record.kind}.pdf`,
      ]);
    }
    const timeline = await call(core, 'timeline.list', { record: { kind: 'company', id: crm.acme.id } });
    expect(
      timeline.entries.some((entry) => entry.type === 'attachment' && entry.attachment.fileName === 'company.pdf'),
    ).toBe(true);
    expect(count(core, 'SELECT count(*) FROM blobs')).toBe(1);
  });

  it('a record in the trash takes no new files', async () => {
    const core = await openCore(tempDir());
    const crm = await smallCrm(core);
    await call(core, 'deals.delete', { id: crm.pilot.id });
    const started = await core.dispatch('attachments.start', {
      record: { kind: 'deal', id: crm.pilot.id },
      fileName: 'a.txt',
      size: 5,
    });
    expect(started).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(danglingKeys(core)).toEqual([]);
  });
});
