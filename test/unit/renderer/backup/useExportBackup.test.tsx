// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DatabaseProvider } from '@renderer/db/context';
import { exportBackup } from '@renderer/db/repositories/backup';
import { useExportBackup } from '@renderer/features/backup/hooks/useExportBackup';
import { setLanguage } from '@renderer/i18n/i18n';
import type {
  Platform,
  SaveFileStreamRequest,
  SaveOutcome,
  SavePiece,
} from '@renderer/platform/platform';
import { freshDatabase } from '../db/helpers';
import { stubMatchMedia } from '../jsdom-layout';

const fake = vi.hoisted(() => ({
  saveFile: vi.fn(),
  saveFileStream: vi.fn(),
}));

vi.mock('@renderer/platform/getPlatform', () => ({
  getPlatform: () =>
    ({
      kind: 'desktop',
      getAppInfo: async () => ({ version: '0.1.0' }),
      saveFile: fake.saveFile,
      saveFileStream: fake.saveFileStream,
    }) as unknown as Platform,
}));

afterEach(cleanup);
afterEach(() => {
  fake.saveFile.mockReset();
  fake.saveFileStream.mockReset();
});

beforeAll(() => {
  stubMatchMedia();
});

/** The export button, and every progress text the hook showed, in order. */
function Exporter({ shown }: { shown: string[] }) {
  const exporter = useExportBackup();
  if (exporter.progressText !== null && shown.at(-1) !== exporter.progressText) {
    shown.push(exporter.progressText);
  }
  return (
    <button type="button" onClick={() => void exporter.run()}>
      export
    </button>
  );
}

async function setup() {
  act(() => setLanguage('en'));
  const { db, env } = await freshDatabase();
  const shown: string[] = [];
  render(
    <AntApp>
      <DatabaseProvider db={db} env={env}>
        <Exporter shown={shown} />
      </DatabaseProvider>
    </AntApp>,
  );
  return { db, env, shown };
}

describe('exporting a backup', { timeout: 60_000 }, () => {
  it('saves the backup in pieces, showing it prepared and then written', async () => {
    const { db, env, shown } = await setup();
    let saved: SavePiece[] = [];
    fake.saveFileStream.mockImplementation(
      async (request: SaveFileStreamRequest): Promise<SaveOutcome> => {
        saved = [...(request.pieces as Iterable<SavePiece>)];
        // Each piece crosses to main and back: the page renders in between.
        const crossing = () => new Promise((resolve) => setTimeout(resolve, 0));
        request.onProgress?.({ done: 0, total: 10 });
        await crossing();
        request.onProgress?.({ done: 10, total: 10 });
        await crossing();
        return { status: 'saved', fileName: 'pursuit-backup.json' };
      },
    );
    fireEvent.click(screen.getByText('export'));
    expect(await screen.findByText('Backup saved as pursuit-backup.json.')).toBeTruthy();
    expect(fake.saveFile).not.toHaveBeenCalled();
    const request = fake.saveFileStream.mock.calls[0]?.[0] as SaveFileStreamRequest;
    expect(request.suggestedName).toMatch(/^pursuit-backup-\d{4}-\d{2}-\d{2}\.json$/);
    expect(request.filters).toEqual([{ name: 'Pursuit backup', extensions: ['json'] }]);
    expect(saved.length).toBeGreaterThan(1);
    // The same file as an export in the page (the clock moved on, so its stamp differs).
    const file = JSON.parse(saved.join('')) as { tables: unknown };
    const reference = JSON.parse(
      await exportBackup(db, { appVersion: '0.1.0', createdAt: env.now() }),
    ) as { tables: unknown };
    expect(file.tables).toEqual(reference.tables);
    expect(shown[0]).toBe('Preparing the backup… 0%');
    expect(shown.slice(-2)).toEqual(['Writing the file… 0%', 'Writing the file… 100%']);
  });

  it('says the disk is full when the desktop could not write the file', async () => {
    await setup();
    fake.saveFileStream.mockRejectedValue(
      new Error(
        "Error invoking remote method 'file:saveStream:append': Error: The file could not be written: the disk is full (ENOSPC). Nothing was saved.",
      ),
    );
    fireEvent.click(screen.getByText('export'));
    expect(
      await screen.findByText(
        'The backup could not be saved: the disk is full. Nothing was written; free some space or choose another drive, and export again.',
      ),
    ).toBeTruthy();
  });

  it('shows any other failure with its message', async () => {
    await setup();
    fake.saveFileStream.mockRejectedValue(new Error('the dialog broke'));
    fireEvent.click(screen.getByText('export'));
    expect(await screen.findByText('The backup could not be made: the dialog broke')).toBeTruthy();
  });
});
