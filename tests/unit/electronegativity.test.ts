import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { judge, justificationsIn, readJustifications, scan, type Finding } from '../../scripts/electronegativity/check';

const root = resolve(__dirname, '../..');

describe('electronegativity over what ships', () => {
  it('finds nothing that is neither fixed nor justified beside its line, and no justification without a finding', async () => {
    const findings = await scan(root);
    // The CSP is seen (in renderer/index.html): "no CSP detected" would be a finding on N/A.
    expect(findings.filter((finding) => finding.check === 'CSP_GLOBAL_CHECK').map((finding) => finding.file)).toEqual([
      'renderer/index.html',
    ]);
    expect(judge(findings, readJustifications(root))).toEqual([]);
  });
});

describe('the justification rule', () => {
  const finding: Finding = {
    check: 'SANDBOX_JS_CHECK',
    file: 'electron/main/index.ts',
    line: 4,
    description: 'Use sandbox for untrusted origins',
  };
  const source = [
    'const a = 1;',
    '// why the window is made the way it is',
    '// electronegativity: SANDBOX_JS_CHECK — the helper sets sandbox: true (window.test.ts)',
    'const window = new BrowserWindow(options());',
  ].join('\n');

  it('a comment directly above the flagged line, after other comments, justifies it', () => {
    expect(judge([finding], justificationsIn('electron/main/index.ts', source))).toEqual([]);
  });

  it('a finding without one fails, and says how to justify it', () => {
    expect(judge([finding], [])).toEqual([expect.stringContaining('electron/main/index.ts:4 SANDBOX_JS_CHECK')]);
  });

  it('a justification for another check, another line or without a reason does not count', () => {
    const otherCheck = source.replace(
      '// electronegativity: SANDBOX_JS_CHECK',
      '// electronegativity: AUXCLICK_JS_CHECK',
    );
    expect(judge([finding], justificationsIn('electron/main/index.ts', otherCheck))).toHaveLength(2);
    // A line of code came between the comment and the flagged line (now line 5).
    const separated = source.replace('const window', 'const moved = 1;\nconst window');
    expect(judge([{ ...finding, line: 5 }], justificationsIn('electron/main/index.ts', separated))).toHaveLength(2);
    const noReason = source.replace('— the helper sets sandbox: true (window.test.ts)', '— ok');
    expect(judge([finding], justificationsIn('electron/main/index.ts', noReason))).toEqual([
      expect.stringContaining('without saying why'),
    ]);
  });

  it('a stale justification (the finding was fixed) fails, so comments do not outlive their reason', () => {
    expect(judge([], justificationsIn('electron/main/index.ts', source))).toEqual([
      expect.stringContaining('no longer finds it on line 4'),
    ]);
  });

  it('reads an HTML comment beside the CSP, and a comment after code on its own line', () => {
    const html =
      '<!-- electronegativity: CSP_GLOBAL_CHECK — only our bundle is served from self -->\n<meta http-equiv="Content-Security-Policy" />';
    expect(justificationsIn('renderer/index.html', html)).toEqual([
      expect.objectContaining({ check: 'CSP_GLOBAL_CHECK', target: 2 }),
    ]);
    const trailing =
      'shell.openExternal(url); // electronegativity: OPEN_EXTERNAL_JS_CHECK — only mailto: links get here';
    expect(justificationsIn('a.ts', trailing)).toEqual([expect.objectContaining({ target: 1 })]);
  });
});
