// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseProvider } from '@renderer/db/context';
import { DealFormDrawer } from '@renderer/features/deals/components/DealFormDrawer';
import { setLanguage } from '@renderer/i18n/i18n';
import { freshDatabase } from '../db/helpers';
import { stubMatchMedia, stubResizeObserver } from '../jsdom-layout';

afterEach(cleanup);

beforeAll(() => {
  stubResizeObserver();
  stubMatchMedia();
});

describe('the new deal form', () => {
  it('fills in the first stage and the base currency when they arrive after it opened', async () => {
    act(() => setLanguage('en'));
    const { db, env } = await freshDatabase();
    // Open from the first render: the stages and settings are still being read then.
    render(
      <AntApp>
        <DatabaseProvider db={db} env={env}>
          <DealFormDrawer open deal={null} suggestedCode="BID-2026-010" onClose={() => undefined} />
        </DatabaseProvider>
      </AntApp>,
    );
    const stage = await screen.findByRole('combobox', { name: 'Stage' });
    await waitFor(() => expect(stage.closest('.ant-select')?.textContent).toContain('Identify'));
    const currency = screen.getByRole('combobox', { name: 'Currency' });
    expect(currency.closest('.ant-select')?.textContent).toContain('USD');
    expect(screen.getByRole('spinbutton', { name: /Pwin/ })).toHaveProperty('value', '10');
  });
});
