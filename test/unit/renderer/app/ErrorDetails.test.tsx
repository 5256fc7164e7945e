// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ErrorDetails } from '@renderer/app/components/ErrorDetails';
import { setLanguage } from '@renderer/i18n/i18n';

// Unmount what each test rendered (vitest runs without globals, so this is not automatic).
afterEach(cleanup);

beforeAll(() => {
  act(() => setLanguage('en'));
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

function crash(): Error {
  const error = new Error('Deal list could not be read');
  error.stack = 'Error: Deal list could not be read\n    at DealList (deals.tsx:10:5)';
  return error;
}

describe('ErrorDetails', () => {
  it('says what went wrong, with the version and the stack, and offers copy and reload', async () => {
    render(<ErrorDetails error={crash()} scope="area" />);
    expect(screen.getByRole('alert')).toBeTruthy();
    expect(screen.getByText('Something went wrong')).toBeTruthy();
    expect(screen.getByText('Error: Deal list could not be read')).toBeTruthy();
    const details = screen.getByLabelText('Details');
    expect(details.textContent).toContain('at DealList (deals.tsx:10:5)');
    await waitFor(() => expect(details.textContent).toMatch(/Pursuit \d+\.\d+\.\d+/));
    expect(screen.getByRole('button', { name: 'Copy details' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Reload' })).toBeTruthy();
  });

  it('copies the full report through the Clipboard API', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    render(<ErrorDetails error={crash()} scope="app" />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy details' }));
    await screen.findByText('Details copied to the clipboard');
    const copied: unknown = writeText.mock.calls[0]?.[0];
    expect(copied).toContain('Error: Deal list could not be read');
    expect(copied).toContain('at DealList');
  });

  it('falls back to a selected textarea where the Clipboard API is refused', async () => {
    const writeText = vi.fn().mockRejectedValue(new DOMException('denied', 'NotAllowedError'));
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    let selected = '';
    const execCommand = vi.fn((command: string) => {
      const active = document.activeElement;
      selected = active instanceof HTMLTextAreaElement ? active.value : '';
      return command === 'copy';
    });
    Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true });
    render(<ErrorDetails error={crash()} scope="area" />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy details' }));
    await screen.findByText('Details copied to the clipboard');
    expect(execCommand).toHaveBeenCalledWith('copy');
    expect(selected).toContain('Deal list could not be read');
    expect(document.querySelector('textarea')).toBeNull();
  });

  it('tells the user to copy by hand when no way of copying works', async () => {
    vi.stubGlobal('navigator', { ...navigator, clipboard: undefined });
    Object.defineProperty(document, 'execCommand', {
      value: () => false,
      configurable: true,
    });
    render(<ErrorDetails error="a plain string was thrown" scope="area" />);
    expect(screen.getByText('Error: a plain string was thrown')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Copy details' }));
    await screen.findByText(/Could not copy/);
  });
});
