import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { App } from 'antd';
import dayjs from 'dayjs';
import type { CalendarConfig } from '@shared/domain/calendar';
import type { DealId, PlanItemId } from '@shared/domain/ids';
import { formatBytes } from '@shared/format/bytes';
import { MAX_OPEN_BYTES, MAX_SAVE_BYTES } from '@shared/ipc/contract';
import type { PlanLink } from '@shared/plan/links';
import type { PlanRow } from '@shared/plan/rows';
import type {
  ImportedPlan,
  MsProjectError,
  MsProjectWarning,
} from '@shared/exchange/msproject-read';
import { readMsProject } from '@shared/exchange/msproject-read';
import { writeMsProjectXml } from '@shared/exchange/msproject-write';
import { useDatabaseContext } from '@renderer/db/context';
import { readStaffing } from '@renderer/db/repositories/assignments';
import { decodeText } from '@renderer/features/backup/utils/checkBackupBytes';
import { useFormat } from '@renderer/i18n/useFormat';
import { getPlatform } from '@renderer/platform/getPlatform';

const MESSAGE_KEY = 'plan-msp';

/** A file read and understood, waiting for the user to confirm the import. */
export interface PendingImport {
  readonly fileName: string;
  readonly plan: ImportedPlan;
  readonly warnings: readonly MsProjectWarning[];
}

/** A file that cannot be imported, and why. */
export interface RefusedImport {
  readonly fileName: string;
  readonly error: MsProjectError | { readonly kind: 'notXml'; readonly detail: string };
}

export interface MsProjectExportInput {
  readonly fileStem: string;
  readonly title: string;
  readonly calendar: CalendarConfig;
  readonly rows: readonly PlanRow[];
  readonly links: readonly PlanLink[];
  readonly notes: ReadonlyMap<PlanItemId, string>;
}

/** The XML document in `text`, or what the platform's parser said is wrong with it. */
function parseXml(text: string): { root: Element } | { detail: string } {
  const document = new DOMParser().parseFromString(text, 'application/xml');
  const error = document.getElementsByTagName('parsererror')[0];
  if (error !== undefined) {
    // Chromium wraps the parser's own message in a <div> between two headings of its own.
    const message = error.getElementsByTagName('div')[0]?.textContent ?? error.textContent ?? '';
    const detail = message.split('\n').find((line) => line.trim() !== '') ?? '';
    return { detail: detail.trim().slice(0, 300) };
  }
  return { root: document.documentElement };
}

/**
 * A deal's plan to and from Microsoft Project XML: `exportPlan` saves the plan (with who works on
 * what) through the native save dialog or as a download; `chooseImport` opens a file, reads it
 * against the company calendar and the people on the books, and leaves either a `pending` import
 * to confirm or a `refused` one to explain. Nothing is written here: the import itself is a plan
 * action, so it is one transaction with Undo.
 */
export function useMsProjectFile(dealId: DealId) {
  const { db } = useDatabaseContext();
  const { t } = useTranslation('plan');
  const { message } = App.useApp();
  const format = useFormat();
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<PendingImport | null>(null);
  const [refused, setRefused] = useState<RefusedImport | null>(null);

  const exportPlan = useCallback(
    async (input: MsProjectExportInput) => {
      setBusy(true);
      message.loading({ key: MESSAGE_KEY, content: t('msp.exporting'), duration: 0 });
      try {
        const staffing = await readStaffing(db, dealId);
        const staffed = new Set<string>(staffing.assignments.map((a) => a.personId));
        const xml = writeMsProjectXml({
          title: input.title,
          calendar: input.calendar,
          rows: input.rows,
          links: input.links,
          notes: input.notes,
          resources: staffing.people
            .filter((person) => staffed.has(person.id))
            .map((person) => ({ key: person.id, name: person.name })),
          assignments: staffing.assignments.map((a) => ({
            taskId: a.taskId,
            resourceKey: a.personId,
            hours: a.hours,
          })),
        });
        const content = new TextEncoder().encode(xml);
        if (content.byteLength > MAX_SAVE_BYTES) {
          message.error({ key: MESSAGE_KEY, content: t('export.tooLargeFile'), duration: 8 });
          return;
        }
        message.destroy(MESSAGE_KEY);
        const outcome = await getPlatform().saveFile({
          suggestedName: `${input.fileStem}-plan-${dayjs().format('YYYY-MM-DD')}.xml`,
          content,
          filters: [{ name: t('msp.fileType'), extensions: ['xml'] }],
        });
        if (outcome.status === 'saved') message.success(t('msp.saved', { file: outcome.fileName }));
        if (outcome.status === 'downloaded') {
          message.success(t('msp.downloaded', { file: outcome.fileName }));
        }
      } catch (error) {
        message.error({
          key: MESSAGE_KEY,
          content: t('msp.failed', {
            message: error instanceof Error ? error.message : String(error),
          }),
          duration: 8,
        });
      } finally {
        setBusy(false);
      }
    },
    [db, dealId, message, t],
  );

  const chooseImport = useCallback(
    async (calendar: CalendarConfig) => {
      try {
        const file = await getPlatform().openFile({
          filters: [{ name: t('msp.fileType'), extensions: ['xml'] }],
          maxBytes: MAX_OPEN_BYTES,
        });
        if (file.status === 'cancelled') return;
        if (file.status === 'tooLarge') {
          message.error(
            t('msp.tooLarge', {
              file: file.name,
              size: formatBytes(file.sizeBytes, format.number),
              max: formatBytes(file.maxBytes, format.number),
            }),
          );
          return;
        }
        setBusy(true);
        message.loading({
          key: MESSAGE_KEY,
          content: t('msp.reading', { file: file.name }),
          duration: 0,
        });
        // Let the message paint before the parse, which holds the page for a large file.
        await new Promise((resolve) => setTimeout(resolve, 0));
        const text = decodeText(file.content);
        if (text === null) {
          message.error({ key: MESSAGE_KEY, content: t('msp.notText', { file: file.name }) });
          return;
        }
        const parsed = parseXml(text);
        if ('detail' in parsed) {
          message.destroy(MESSAGE_KEY);
          setRefused({ fileName: file.name, error: { kind: 'notXml', detail: parsed.detail } });
          return;
        }
        const { people } = await readStaffing(db, dealId);
        const result = readMsProject(parsed.root, {
          calendar,
          people: people.filter((person) => person.active),
        });
        message.destroy(MESSAGE_KEY);
        if (!result.ok) {
          setRefused({ fileName: file.name, error: result.error });
          return;
        }
        setPending({ fileName: file.name, plan: result.plan, warnings: result.warnings });
      } catch (error) {
        message.error({
          key: MESSAGE_KEY,
          content: t('msp.readFailed', {
            message: error instanceof Error ? error.message : String(error),
          }),
          duration: 8,
        });
      } finally {
        setBusy(false);
      }
    },
    [db, dealId, format.number, message, t],
  );

  return {
    busy,
    pending,
    refused,
    exportPlan,
    chooseImport,
    clear: useCallback(() => {
      setPending(null);
      setRefused(null);
    }, []),
  };
}
