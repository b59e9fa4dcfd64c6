import { spawn } from 'node:child_process';
import { once } from 'node:events';

// An idle Node process whose only work is a 5 ms timer: it prints the longest gap between two ticks when its input closes.
const ticker = `
let last = performance.now(), longest = 0;
const timer = setInterval(() => { const now = performance.now(); longest = Math.max(longest, now - last); last = now; }, 5);
process.stdin.on('end', () => { clearInterval(timer); process.stdout.write(String(Math.max(longest, performance.now() - last))); });
process.stdin.resume();
`;

/**
 * The machine's own noise, beside a measurement: how long an idle process
 * went without running its 5 ms timer meanwhile (other programs, the disk,
 * too few cores). A stall the bench sees that this process saw too is the
 * machine, not Rolodesk.
 */
export function watchMachineNoise(): { stop: () => Promise<number> } {
  const child = spawn(process.execPath, ['-e', ticker], { stdio: ['pipe', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return {
    async stop() {
      child.stdin.end();
      await once(child, 'exit');
      return Number(output);
    },
  };
}
