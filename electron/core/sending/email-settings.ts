import { z } from 'zod';
import { EmailSettings } from '../../../shared/schemas/sending';
import type { SettingsRepo } from '../settings/repo';

const key = 'sending.email';

/** Settings › Email as saved; undefined until saved once (or when what is stored no longer parses). */
export function readEmailSettings(settings: SettingsRepo): EmailSettings | undefined {
  const parsed = EmailSettings.safeParse(settings.get(key));
  return parsed.success ? parsed.data : undefined;
}

export function writeEmailSettings(settings: SettingsRepo, value: EmailSettings): void {
  settings.set(key, value);
}

const runsKey = 'sending.runs';
/** Per campaign: sending is running, paused (and why, when it paused by itself) or done. Kept so a restart resumes a running batch. */
const CampaignRun = z.strictObject({ state: z.enum(['running', 'paused', 'done']), lastError: z.string().nullable() });
export type CampaignRun = z.infer<typeof CampaignRun>;
const CampaignRuns = z.record(z.string().regex(/^\d+$/), CampaignRun);

export function campaignRuns(settings: SettingsRepo) {
  const all = (): Record<string, CampaignRun> => {
    const parsed = CampaignRuns.safeParse(settings.get(runsKey));
    return parsed.success ? parsed.data : {};
  };
  return {
    of: (campaignId: number): CampaignRun | undefined => all()[String(campaignId)],
    running: (): number[] =>
      Object.entries(all())
        .filter(([, run]) => run.state === 'running')
        .map(([id]) => Number(id)),
    set(campaignId: number, run: CampaignRun): void {
      settings.set(runsKey, { ...all(), [String(campaignId)]: run });
    },
    /** Every running campaign paused with the same words (the server refused us: no campaign can go on). */
    pauseAll(lastError: string): number[] {
      const runs = all();
      const paused = Object.keys(runs).filter((id) => runs[id]!.state === 'running');
      for (const id of paused) runs[id] = { state: 'paused', lastError };
      settings.set(runsKey, runs);
      return paused.map(Number);
    },
  };
}
