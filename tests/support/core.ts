import { afterEach } from 'vitest';
import { openCore, type Core } from '../../electron/core/core';
import { memoryLogger } from '../../electron/core/logger';
import type { Clock } from '../../electron/core/clock';

/** Opens real cores on real directories and closes whatever a test left open. */
export function useCores() {
  const open: Core[] = [];
  afterEach(() => {
    for (const core of open.splice(0)) core.close();
  });
  return (dataDir: string, clock?: Clock) => {
    const logger = memoryLogger();
    const core = openCore({ dataDir, logger, appVersion: '0.0.0-test', ...(clock ? { clock } : {}) });
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
