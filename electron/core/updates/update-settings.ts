import { UpdateSettings } from '../../../shared/schemas/update';

/** Where the setting lives in the database's settings table; main reads it through the core host by this key. */
export const updateSettingsKey = 'updates.settings';

const defaults: UpdateSettings = { checkAutomatically: true };

/** The stored setting, or the default (on) when none is stored or what is stored is not one. */
export function parseUpdateSettings(stored: unknown): UpdateSettings {
  const parsed = UpdateSettings.safeParse(stored);
  return parsed.success ? parsed.data : defaults;
}
