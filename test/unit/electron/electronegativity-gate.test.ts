import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const gate = resolve(import.meta.dirname, '../../security/electronegativity-gate.mjs');
const reason = 'Deliberate finding in a test fixture, accepted to exercise the allowlist.';
const SCAN_TIMEOUT_MS = 60_000;

let app: string;
let unreviewed: { status: number | null; output: string };

function runGate(allowlist: unknown[]) {
  const allowlistFile = join(app, 'allowlist.json');
  writeFileSync(allowlistFile, JSON.stringify(allowlist));
  const result = spawnSync(process.execPath, [gate, '--root', app, '--allowlist', allowlistFile], {
    encoding: 'utf8',
    timeout: SCAN_TIMEOUT_MS,
  });
  return { status: result.status, output: result.stdout + result.stderr };
}

/** A deliberately careless desktop app: a window without isolation, sandbox or any CSP. */
beforeAll(() => {
  app = mkdtempSync(join(tmpdir(), 'pursuit-gate-'));
  mkdirSync(join(app, 'electron/main'), { recursive: true });
  writeFileSync(
    join(app, 'electron/main/index.ts'),
    [
      "import { BrowserWindow } from 'electron';",
      'export const win = new BrowserWindow({ webPreferences: { contextIsolation: false } });',
      '',
    ].join('\n'),
  );
  unreviewed = runGate([]);
}, SCAN_TIMEOUT_MS);

afterAll(() => rmSync(app, { recursive: true, force: true }));

describe('Electronegativity gate', () => {
  it('fails on high and medium findings that nobody reviewed', () => {
    expect(unreviewed.status).toBe(1);
    expect(unreviewed.output).toMatch(
      /BLOCKING CONTEXT_ISOLATION_JS_CHECK \[HIGH\/FIRM\] electron\/main\/index\.ts:2/,
    );
    expect(unreviewed.output).toMatch(/BLOCKING CSP_GLOBAL_CHECK \[MEDIUM\/CERTAIN\] N\/A/);
    expect(unreviewed.output).toContain('Electronegativity gate: FAILED.');
  });

  it(
    'passes once every finding is allowlisted with a reason, and reports stale entries',
    () => {
      const findings = [
        ...unreviewed.output.matchAll(/BLOCKING (\S+) \[[^\]]+\] (\S+?)(?::\d+)? /g),
      ].map(([, check, file]) => ({ check, file, reason }));
      expect(findings.length).toBeGreaterThan(1);
      const passing = runGate(findings);
      expect(passing.output).toContain('Electronegativity gate: passed');
      expect(passing.status).toBe(0);

      const stale = runGate([...findings, { check: 'SANDBOX_JS_CHECK', file: 'gone.ts', reason }]);
      expect(stale.status).toBe(1);
      expect(stale.output).toContain('STALE    allowlist entry SANDBOX_JS_CHECK for gone.ts');
    },
    SCAN_TIMEOUT_MS,
  );

  it('refuses allowlist entries without a written reason', () => {
    const { status, output } = runGate([
      { check: 'SANDBOX_JS_CHECK', file: 'electron/main/index.ts' },
    ]);
    expect(status).toBe(1);
    expect(output).toMatch(/needs "check", "file" and a written "reason"/);
  });
});
