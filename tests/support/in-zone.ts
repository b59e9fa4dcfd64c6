import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

export type ZoneCall = [functionName: string, ...args: unknown[]];

/**
 * Calls exported functions of a module in a child process whose time zone is
 * `zone` (vitest itself runs in one zone). Moments go in and come out as ISO
 * text ending in Z; a Set comes out as a sorted list.
 */
export function callsInZone(zone: string, modulePath: string, calls: readonly ZoneCall[]): unknown[] {
  const output = execFileSync(
    process.execPath,
    ['--import', 'tsx', resolve(__dirname, 'zone-child.ts'), resolve(modulePath)],
    {
      env: { ...process.env, TZ: zone },
      input: JSON.stringify(calls),
      encoding: 'utf8',
    },
  );
  return JSON.parse(output) as unknown[];
}
