import { describe, expect, it } from 'vitest';
import { parseBackup } from '@shared/backup/format';
import { KEEP_AT_LEAST } from '@shared/backup/retention';
import { addDays, parsePlanDate } from '@shared/domain/dates';
import {
  AutoBackupStore,
  listAutoBackups,
  onDataChanged,
  readAutoBackup,
  saveAutoBackup,
  createBrowserAutoBackups,
} from '@renderer/db/auto-backups';
import { createAccount } from '@renderer/db/repositories/accounts';
import { freshDatabase } from './helpers';

const TODAY = parsePlanDate('2026-11-27');
let stores = 0;

describe('automatic backups', () => {
  it('stores a backup that restores like a file, and prunes by the retention rule', async () => {
    const ctx = await freshDatabase();
    const store = new AutoBackupStore(`pursuit-backups-test-${++stores}`);
    // One a day for 15 days, the newest today.
    for (let back = 14; back >= 0; back -= 1) {
      await saveAutoBackup(
        ctx.db,
        createBrowserAutoBackups(() => store),
        {
          id: `backup-${String(back).padStart(2, '0')}`,
          reason: 'scheduled',
          createdAt: Date.UTC(2026, 10, 27 - back, 9),
          day: addDays(TODAY, -back),
          appVersion: '0.1.0',
        },
      );
    }
    const kept = await listAutoBackups(store);
    // Ten newest (today and nine days back) ⊇ the seven days before today: ten in all.
    expect(kept.map((b) => b.id)).toEqual(
      Array.from({ length: KEEP_AT_LEAST }, (_, i) => `backup-${String(i).padStart(2, '0')}`),
    );
    expect(await readAutoBackup(store, 'backup-14')).toBeNull();
    const newest = kept[0];
    if (newest === undefined) expect.fail('nothing kept');
    expect(newest.records).toBeGreaterThan(0);
    const text = await readAutoBackup(store, newest.id);
    if (text === null) expect.fail('no text');
    expect(newest.bytes).toBe(new TextEncoder().encode(text).byteLength);
    const parsed = parseBackup(text);
    if (!parsed.ok) expect.fail(JSON.stringify(parsed.errors));
    expect(parsed.summary.total).toBe(newest.records);
  });

  it('hears about changes to the data, and only to its own database', async () => {
    const ctx = await freshDatabase();
    const other = await freshDatabase();
    let heard = 0;
    const stop = onDataChanged(ctx.db, () => (heard += 1));
    await createAccount(other.db, other.env, { name: 'Elsewhere', industry: 'energy' });
    const before = heard;
    await createAccount(ctx.db, ctx.env, { name: 'Here', industry: 'energy' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(before).toBe(0);
    expect(heard).toBeGreaterThan(0);
    stop();
    const after = heard;
    await createAccount(ctx.db, ctx.env, { name: 'After', industry: 'energy' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(heard).toBe(after);
  });
});
