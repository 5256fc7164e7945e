import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { App } from 'antd';
import dayjs from 'dayjs';
import { parsePlanDate } from '@shared/domain/dates';
import { buildIcs } from '@shared/export/ics';
import type { MilestoneCalendarDeal } from '@shared/export/milestone-calendar';
import { icsFileName, milestoneEvents } from '@shared/export/milestone-calendar';
import { MAX_SAVE_BYTES } from '@shared/ipc/contract';
import { useDatabaseContext } from '@renderer/db/context';
import { readMilestonesOf } from '@renderer/db/repositories/calendar-export';
import { getPlatform } from '@renderer/platform/getPlatform';

/** One deal's milestones, or those of every deal the timeline shows. */
export type MilestoneExportScope =
  | { readonly kind: 'deal'; readonly deal: MilestoneCalendarDeal }
  | { readonly kind: 'portfolio'; readonly deals: readonly MilestoneCalendarDeal[] };

/**
 * Exports milestones as an iCalendar file: through the native save dialog on the desktop, as a
 * download in the browser (the platform module decides). `busy` is true while it runs.
 */
export function useExportMilestones() {
  const { db, env } = useDatabaseContext();
  const { t, i18n } = useTranslation('timeline');
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  const run = useCallback(
    async (scope: MilestoneExportScope) => {
      setBusy(true);
      try {
        const deals = scope.kind === 'deal' ? [scope.deal] : scope.deals;
        const milestones = await readMilestonesOf(
          db,
          deals.map((deal) => deal.id),
        );
        const events = milestoneEvents({
          deals,
          milestones,
          kindLabel: (kind) => t(`milestoneKind.${kind}`),
        });
        if (events.length === 0) {
          message.info(t('export.none'));
          return;
        }
        const platform = getPlatform();
        const { version } = await platform.getAppInfo();
        const language = i18n.language === 'zh-CN' ? 'ZH' : 'EN';
        const content = buildIcs({
          productId: `-//Pursuit//Pursuit ${version}//${language}`,
          name:
            scope.kind === 'deal'
              ? t('export.dealCalendarName', { code: scope.deal.code })
              : t('export.calendarName'),
          stamp: env.now(),
          events,
        });
        if (content.length > MAX_SAVE_BYTES) {
          message.error(t('export.tooLarge'));
          return;
        }
        const today = parsePlanDate(dayjs(env.now()).format('YYYY-MM-DD'));
        const outcome = await platform.saveFile({
          suggestedName: icsFileName(
            scope.kind === 'deal' ? scope.deal.code : 'pursuit',
            'milestones',
            today,
          ),
          content,
          filters: [{ name: t('export.fileType'), extensions: ['ics'] }],
        });
        if (outcome.status === 'saved')
          message.success(t('export.saved', { file: outcome.fileName }));
        if (outcome.status === 'downloaded') {
          message.success(t('export.downloaded', { file: outcome.fileName }));
        }
      } catch (error) {
        message.error(
          t('export.failed', { message: error instanceof Error ? error.message : String(error) }),
        );
      } finally {
        setBusy(false);
      }
    },
    [db, env, i18n.language, message, t],
  );

  return { run, busy };
}
