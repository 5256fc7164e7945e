// @vitest-environment jsdom
import { Suspense } from 'react';
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lazyPage, pagesPreloaded, preloadPage } from '@renderer/app/lazyPage';

afterEach(cleanup);

function Page() {
  return <p>the page</p>;
}

const shell = (Lazy: ReturnType<typeof lazyPage>) => (
  <Suspense fallback={<p>loading</p>}>
    <Lazy />
  </Suspense>
);

describe('lazyPage', () => {
  it('renders a preloaded page in the first pass, without the fallback', async () => {
    const load = vi.fn(() => Promise.resolve({ default: Page }));
    const Lazy = lazyPage(load);
    preloadPage(Lazy);
    await pagesPreloaded();

    render(shell(Lazy));

    expect(screen.getByText('the page')).toBeTruthy();
    expect(screen.queryByText('loading')).toBeNull();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('shows the fallback for a page not loaded yet, then the page, loading its code once', async () => {
    let resolve: (module: { default: typeof Page }) => void = () => undefined;
    const load = vi.fn(() => new Promise<{ default: typeof Page }>((done) => (resolve = done)));
    const Lazy = lazyPage(load);

    render(shell(Lazy));
    expect(screen.getByText('loading')).toBeTruthy();
    preloadPage(Lazy);
    await act(async () => {
      resolve({ default: Page });
      await pagesPreloaded();
    });

    expect(await screen.findByText('the page')).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('tries again after a failed load, and a failed preload does not block the others', async () => {
    const load = vi
      .fn<() => Promise<{ default: typeof Page }>>()
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValue({ default: Page });
    const Lazy = lazyPage(load);
    preloadPage(Lazy);
    await expect(pagesPreloaded()).resolves.toBeUndefined();

    preloadPage(Lazy);
    await pagesPreloaded();
    render(shell(Lazy));

    expect(screen.getByText('the page')).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(2);
  });
});
