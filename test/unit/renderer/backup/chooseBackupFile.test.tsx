// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { MAX_BACKUP_OPEN_BYTES } from '@shared/ipc/contract';
import { DatabaseProvider } from '@renderer/db/context';
import { RestoreDialog } from '@renderer/features/backup/components/RestoreDialog';
import { useRestoreBackup } from '@renderer/features/backup/hooks/useRestoreBackup';
import { setLanguage } from '@renderer/i18n/i18n';
import type { OpenFileStreamRequest, Platform } from '@renderer/platform/platform';
import { freshDatabase } from '../db/helpers';
import { stubMatchMedia } from '../jsdom-layout';

const fake = vi.hoisted(() => ({ openFileStream: vi.fn(), openFile: vi.fn() }));

vi.mock('@renderer/platform/getPlatform', () => ({
  getPlatform: () =>
    ({
      kind: 'desktop',
      openFile: fake.openFile,
      openFileStream: fake.openFileStream,
    }) as unknown as Platform,
}));

afterEach(cleanup);
afterEach(() => {
  fake.openFileStream.mockReset();
  fake.openFile.mockReset();
});

beforeAll(() => {
  stubMatchMedia();
});

function Restorer() {
  const restore = useRestoreBackup();
  return (
    <>
      <button type="button" onClick={() => void restore.choose()}>
        choose
      </button>
      <RestoreDialog state={restore.state} onConfirm={restore.confirm} onClose={restore.close} />
    </>
  );
}

async function setup(language: 'en' | 'zh-CN' = 'en') {
  act(() => setLanguage(language));
  const { db, env } = await freshDatabase();
  render(
    <AntApp>
      <DatabaseProvider db={db} env={env}>
        <Restorer />
      </DatabaseProvider>
    </AntApp>,
  );
}

describe('choosing a backup to restore', () => {
  it('opens it with the backup limit and shows how much of it is read', async () => {
    let fail: (error: Error) => void = () => undefined;
    fake.openFileStream.mockImplementation(
      ({ onProgress }: OpenFileStreamRequest) =>
        new Promise((_resolve, reject) => {
          const total = 300 * 1024 * 1024;
          onProgress?.({ name: 'pursuit-backup.json', done: 0, total });
          onProgress?.({ name: 'pursuit-backup.json', done: 120 * 1024 * 1024, total });
          onProgress?.({ name: 'pursuit-backup.json', done: 120 * 1024 * 1024 + 1, total });
          fail = reject;
        }),
    );
    await setup();
    fireEvent.click(screen.getByRole('button', { name: 'choose' }));
    expect(await screen.findByText('Reading pursuit-backup.json… 40%')).toBeTruthy();
    expect(screen.getByRole('progressbar')).toBeTruthy();
    expect(fake.openFileStream).toHaveBeenCalledWith(
      expect.objectContaining({
        filters: [{ name: expect.any(String) as string, extensions: ['json'] }],
        maxBytes: MAX_BACKUP_OPEN_BYTES,
      }),
    );
    expect(fake.openFile).not.toHaveBeenCalled();
    act(() => fail(new Error('The file could not be read: the disk could not be read (EIO).')));
    expect(
      await screen.findByText(/the disk could not be read \(EIO\)/, { exact: false }),
    ).toBeTruthy();
  });

  it('says a backup over 1 GiB is too large, naming the limit', async () => {
    fake.openFileStream.mockResolvedValue({
      status: 'tooLarge',
      name: 'huge.json',
      sizeBytes: 1.5 * 1024 ** 3,
      maxBytes: MAX_BACKUP_OPEN_BYTES,
    });
    await setup('zh-CN');
    fireEvent.click(screen.getByRole('button', { name: 'choose' }));
    expect(
      await screen.findByText('huge.json 大小为 1.5 GB；Pursuit 最多可打开 1 GB 的文件。'),
    ).toBeTruthy();
  });
});
