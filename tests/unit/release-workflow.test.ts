import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * The workflows only run on GitHub, so what can be checked here is checked here: that they run what
 * the README and issue 14 say, in the right order, and that every file they call exists.
 */
const root = resolve(__dirname, '../..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  'runs-on': string;
  container?: { image: string; options?: string };
  needs?: string | string[];
  if?: string;
  strategy?: { matrix: { include: Array<{ os: string; platform: string }> } };
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, Job>;
}

const workflow = (name: string) => parse(read(`.github/workflows/${name}`)) as Workflow;
const packageScripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;

/** Where the first step that matches is, so the order of the steps can be checked. */
function indexOf(steps: Step[], matches: (step: Step) => boolean, what: string): number {
  const index = steps.findIndex(matches);
  expect(index, what).toBeGreaterThanOrEqual(0);
  return index;
}
const runs = (text: string) => (step: Step) => step.run?.includes(text) ?? false;

describe('the CI workflow', () => {
  it('runs .ci/run on every push and pull request, with Node 20, where Debian can install Chromium', () => {
    const ci = workflow('ci.yml');
    expect(Object.keys(ci.on)).toEqual(['push', 'pull_request']);
    const [job] = Object.values(ci.jobs);
    expect(job!.container?.image).toMatch(/^node:20-bookworm/);
    indexOf(job!.steps, (step) => /(^|\s)bash \.ci\/run$/.test(step.run ?? ''), 'a step runs .ci/run');
    expect(existsSync(join(root, '.ci/run'))).toBe(true);
  });
});

describe('the release workflow', () => {
  const release = workflow('release.yml');
  const packageJob = release.jobs.package!;
  const steps = packageJob.steps;

  it('runs on version tags and by hand, on Windows, macOS and Linux, with Node 22', () => {
    expect(release.on).toEqual({ push: { tags: ['v*'] }, workflow_dispatch: null });
    expect(packageJob.strategy!.matrix.include.map((entry) => entry.os).sort()).toEqual([
      'macos-latest',
      'ubuntu-latest',
      'windows-latest',
    ]);
    const setupNode = steps.find((step) => step.uses?.startsWith('actions/setup-node@'));
    expect(setupNode?.with).toMatchObject({ 'node-version': 22, cache: 'npm' });
  });

  it('installs, tests, packages without publishing, then launches the packaged app, and only then keeps the installers', () => {
    const install = indexOf(steps, runs('npm ci'), 'npm ci');
    const fullTest = indexOf(steps, runs('xvfb-run -a npm test'), 'the full npm test on Linux, with a display');
    const unitTest = indexOf(steps, runs('npm run test:unit'), 'the unit tests on Windows and macOS');
    const dist = indexOf(steps, runs('npm run dist -- --publish never'), 'packaging, publishing nothing');
    const testCopy = indexOf(
      steps,
      runs('node scripts/packaged-app-for-tests.mjs --github-env'),
      'the packaged app for the launch test',
    );
    const launchLinux = indexOf(
      steps,
      (step) => step.run === 'xvfb-run -a npm run test:electron' && step.if === "matrix.platform == 'linux'",
      'the launch test under Xvfb on Linux',
    );
    const launchOthers = indexOf(
      steps,
      (step) => step.run === 'npm run test:electron' && step.if === "matrix.platform != 'linux'",
      'the launch test on Windows and macOS',
    );
    const keep = indexOf(
      steps,
      (step) =>
        step.uses?.startsWith('actions/upload-artifact@') === true && String(step.with?.name).startsWith('installers-'),
      'the installers kept as artifacts',
    );
    expect(install).toBeLessThan(Math.min(fullTest, unitTest));
    expect(Math.max(fullTest, unitTest)).toBeLessThan(dist);
    expect(dist).toBeLessThan(testCopy);
    expect(testCopy).toBeLessThan(Math.min(launchLinux, launchOthers));
    expect(Math.max(launchLinux, launchOthers)).toBeLessThan(keep);
    const kept = String(steps[keep]!.with?.path);
    for (const installer of ['dist/*.exe', 'dist/*.dmg', 'dist/*.AppImage', 'dist/*.deb', 'dist/latest*.yml'])
      expect(kept).toContain(installer);
  });

  it('wires every signing secret, and builds unsigned and says so in the job summary when they are absent', () => {
    const dist = steps.find(runs('npm run dist'))!;
    for (const secret of [
      'CSC_LINK',
      'CSC_KEY_PASSWORD',
      'WIN_CSC_LINK',
      'APPLE_ID',
      'APPLE_APP_SPECIFIC_PASSWORD',
      'APPLE_TEAM_ID',
    ]) {
      expect(Object.values(dist.env ?? {}), secret).toContain(`\${{ secrets.${secret} }}`);
    }
    expect(dist.run).toContain('export CSC_IDENTITY_AUTO_DISCOVERY=false');
    expect(dist.run).toContain('echo "unsigned build: $1" | tee -a "$GITHUB_STEP_SUMMARY"');
  });

  it('attaches the installers and the update feed to one draft release, after every OS passed, for tags only', () => {
    const draft = release.jobs['draft-release']!;
    expect(draft.needs).toBe('package');
    expect(draft.if).toBe("startsWith(github.ref, 'refs/tags/v')");
    expect(draft.steps.map((step) => step.run ?? '').join('\n')).toContain('--draft');
  });

  it('the launch test it runs exists: npm run test:electron runs tests/electron/packaged.spec.ts, and npm test runs it too', () => {
    expect(packageScripts['test:electron']).toBe('node scripts/test-electron.mjs');
    expect(packageScripts['test:e2e']).toContain('npm run test:electron');
    expect(read('scripts/test-electron.mjs')).toContain('playwright test --config playwright.electron.config.ts');
    expect(read('playwright.electron.config.ts')).toContain("testDir: 'tests/electron'");
    const spec = read('tests/electron/packaged.spec.ts');
    expect(spec).toContain('_electron.launch');
    expect(read('tests/electron/electron-binary.ts')).toContain('env.ROLODESK_APP');
  });
});
