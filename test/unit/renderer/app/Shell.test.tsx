// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { RouterProvider, createMemoryRouter } from 'react-router-dom';
import { App as AntApp } from 'antd';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AREAS } from '@renderer/app/areas';
import { appRoutes } from '@renderer/app/router';
import { readPreference } from '@renderer/app/preferences';
import { setLanguage } from '@renderer/i18n/i18n';
import { stubMatchMedia } from '../jsdom-layout';

// Unmount what each test rendered (vitest runs without globals, so this is not automatic).
afterEach(cleanup);

beforeAll(() => {
  // jsdom lays nothing out: no scrolling into view, no matchMedia (antd's responsive helpers).
  Element.prototype.scrollIntoView = vi.fn();
  stubMatchMedia();
});
afterEach(() => {
  localStorage.clear();
});

function renderShell(path = '/') {
  const router = createMemoryRouter(appRoutes(), { initialEntries: [path] });
  render(
    <AntApp>
      <RouterProvider router={router} />
    </AntApp>,
  );
  return router;
}

describe('the shell', () => {
  it('opens on the first area', async () => {
    act(() => setLanguage('en'));
    const router = renderShell();
    await waitFor(() => expect(router.state.location.pathname).toBe(AREAS[0]?.path));
  });

  it('titles the area and lists it in the navigation, in the current language', async () => {
    act(() => setLanguage('en'));
    renderShell('/settings');
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Settings');
    const nav = screen.getByRole('navigation', { name: 'Main navigation' });
    expect(within(nav).getByRole('menuitem', { name: 'Settings' })).toBeTruthy();
    expect(document.title).toBe('Settings · Pursuit');

    act(() => setLanguage('zh-CN'));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('设置');
    expect(within(nav).getByRole('menuitem', { name: '设置' })).toBeTruthy();
  });

  it('keeps the navigation when an area crashes, and shows the error there', async () => {
    act(() => setLanguage('en'));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    renderShell('/__crash');
    expect(await screen.findByText('Something went wrong')).toBeTruthy();
    expect(screen.getByText(/Deliberate crash/, { selector: 'strong' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Main navigation' })).toBeTruthy();
  });

  it('shows "not found" for an unknown address instead of a blank area', async () => {
    act(() => setLanguage('en'));
    renderShell('/no-such-area');
    expect(await screen.findByText('Page not found')).toBeTruthy();
  });

  it('opens the palette with Ctrl+K and runs the chosen command with Enter', async () => {
    act(() => setLanguage('en'));
    renderShell('/settings');
    await screen.findByRole('heading', { level: 1 });
    fireEvent.keyDown(window, { key: 'k', code: 'KeyK', ctrlKey: true });
    const input = await screen.findByRole('combobox', { name: 'Command palette' });
    fireEvent.change(input, { target: { value: 'dark' } });
    const options = screen.getAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual([
      expect.stringContaining('Toggle dark mode'),
    ]);
    const before = readPreference('theme');
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(readPreference('theme')).not.toBe(before));
    expect(readPreference('theme')).toBe('dark');
  });
});
