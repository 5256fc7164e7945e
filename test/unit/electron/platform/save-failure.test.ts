import { describe, expect, it } from 'vitest';
import { saveFailureOf } from '@renderer/platform/saveFailure';

/** How Electron hands a rejected `invoke` to the page: the main error's message, wrapped. */
const fromMain = (message: string) =>
  new Error(`Error invoking remote method 'file:saveStream:append': Error: ${message}`);

describe('recognising why a desktop save failed', () => {
  it.each([
    ['The file could not be written: the disk is full (ENOSPC). Nothing was saved.', 'diskFull'],
    ['The file could not be written: the disk quota is used up (EDQUOT).', 'diskFull'],
    ['The file could not be written: permission denied (EACCES).', 'permission'],
    ['The file could not be written: permission denied (EPERM).', 'permission'],
    ['The file could not be written: the disk is read-only (EROFS).', 'permission'],
  ] as const)('%s → %s', (message, failure) => {
    expect(saveFailureOf(fromMain(message))).toBe(failure);
  });

  it('leaves any other failure to be shown as it is', () => {
    expect(
      saveFailureOf(fromMain('Pursuit refused to write the file: no save is open')),
    ).toBeNull();
    expect(saveFailureOf(new Error('NOSPACE ENOSPCX'))).toBeNull();
    expect(saveFailureOf('ENOSPC')).toBe('diskFull');
  });
});
