import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../../../..');

/**
 * A worker thread cannot change its time zone (`process.env.TZ` only takes effect for a process),
 * so the conversion tests run again in a child process per zone: the zones of Pursuit's users,
 * with and without daylight saving, east and west of Greenwich.
 */
describe('Gantt date conversion in other time zones', () => {
  it.concurrent.each(['UTC', 'Asia/Shanghai', 'America/New_York', 'Australia/Sydney'])(
    'holds in %s',
    async (zone) => {
      const { stdout } = await run(
        process.execPath,
        [
          resolve(root, 'node_modules/vitest/vitest.mjs'),
          'run',
          '--config',
          'test/vitest.config.ts',
          'test/unit/renderer/plan/ganttDates.test.ts',
        ],
        {
          cwd: root,
          env: {
            ...process.env,
            TZ: zone,
            PURSUIT_EXPECT_TZ: zone,
            NO_COLOR: '1',
            FORCE_COLOR: '0',
          },
        },
      );
      // A failing test makes vitest exit non-zero, which rejects `run`; all four must have run.
      expect(stdout).toMatch(/Tests\s+4 passed \(4\)/);
    },
    120_000,
  );
});
