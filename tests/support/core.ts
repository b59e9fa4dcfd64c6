import { afterEach } from 'vitest';
import { openCore, type Core, type CoreOptions } from '../../electron/core/core';
import { memoryLogger } from '../../electron/core/logger';
import { recordingDesktop } from './recording-desktop';

/** Opens real cores on real directories and closes whatever a test left open. */
export function useCores() {
  const open: Core[] = [];
  afterEach(async () => {
    for (const core of open.splice(0)) await core.close();
  });
  return async (dataDir: string, options: Pick<CoreOptions, 'clock' | 'desktop' | 'emit' | 'startJobs'> = {}) => {
    const logger = memoryLogger();
    // A desktop that answers every native question "yes", unless a test hands in its own.
    const core = await openCore({ dataDir, logger, appVersion: '0.0.0-test', desktop: recordingDesktop(), ...options });
    open.push(core);
    return Object.assign(core, { logs: logger.records });
  };
}

/** A clock that moves only when told to. */
export function fixedClock(start = '2026-01-02T03:04:05.000Z') {
  let now = new Date(start);
  return {
    now: () => new Date(now),
    advance(ms: number) {
      now = new Date(now.getTime() + ms);
    },
  };
}
