import { AttachmentSettings } from '../../../shared/schemas/attachment';
import { defaultMaxFileMegabytes } from '../attachments/file-policy';
import type { SettingsRepo } from './repo';

const key = 'attachments';

export function readAttachmentSettings(settings: SettingsRepo): AttachmentSettings {
  const parsed = AttachmentSettings.safeParse(settings.get(key));
  return parsed.success ? parsed.data : { maxFileMegabytes: defaultMaxFileMegabytes };
}

export function writeAttachmentSettings(settings: SettingsRepo, value: AttachmentSettings): AttachmentSettings {
  settings.set(key, value);
  return value;
}
