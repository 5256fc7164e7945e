import { describe, expect, it } from 'vitest';
import {
  DEFAULT_STAGE_IDS,
  createDefaultRoles,
  createDefaultSalesProcess,
  createDefaultSettings,
} from '@shared/domain/defaults';
import { settingsSchema } from '@shared/domain/settings';

const NOW = Date.UTC(2026, 10, 1);

describe('defaults', () => {
  it('ships the project-sales process in order, with both languages', () => {
    const { process, stages } = createDefaultSalesProcess(NOW);
    expect(process.isDefault).toBe(true);
    expect(stages.map((stage) => stage.name.en)).toEqual([
      'Identify',
      'Qualify',
      'Capture',
      'Proposal',
      'Submitted',
      'Negotiation',
      'Won',
      'Lost',
      'No-bid',
    ]);
    expect(stages.every((stage) => stage.name.zh.length > 0)).toBe(true);
    expect(stages.map((stage) => stage.id)).toEqual(Object.values(DEFAULT_STAGE_IDS));
  });

  it('opens the bid/no-bid gate in Qualify and the colour reviews in Proposal', () => {
    const { stages } = createDefaultSalesProcess(NOW);
    const byKey = new Map(stages.map((stage) => [stage.key, stage]));
    expect(byKey.get('qualify')?.gateKinds).toEqual(['bid_no_bid']);
    expect(byKey.get('proposal')?.gateKinds).toEqual(['pink', 'red', 'gold']);
    expect(
      byKey.get('proposal')?.milestoneTemplates.find((t) => t.kind === 'submission'),
    ).toMatchObject({
      anchor: 'submission',
      offsetWorkingDays: 0,
    });
  });

  it('makes Pwin rise through the open stages', () => {
    const { stages } = createDefaultSalesProcess(NOW);
    const open = stages.filter((stage) => stage.kind === 'open').map((stage) => stage.defaultPwin);
    expect(open).toEqual([...open].sort((a, b) => a - b));
  });

  it('prices roles in the chosen currency', () => {
    const roles = createDefaultRoles(NOW, 'EUR');
    expect(roles.every((role) => role.defaultRate.currency === 'EUR')).toBe(true);
    expect(roles.find((role) => role.key === 'capture_manager')?.defaultRate.amountMinor).toBe(
      15_000,
    );
  });

  it('gives a Chinese install CNY and the mainland holidays, an English one USD', () => {
    const zh = createDefaultSettings(NOW, 'zh-CN');
    expect(zh.baseCurrency).toBe('CNY');
    expect(zh.holidays).toContain('2026-02-17');
    expect(zh.extraWorkingDays).toContain('2026-02-14');
    const en = createDefaultSettings(NOW, 'en');
    expect(en.baseCurrency).toBe('USD');
    expect(en.holidays).toEqual([]);
    expect(settingsSchema.safeParse(en).success).toBe(true);
  });
});
