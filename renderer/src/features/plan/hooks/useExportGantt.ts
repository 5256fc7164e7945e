import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { App } from 'antd';
import dayjs from 'dayjs';
import { MAX_SAVE_BYTES } from '@shared/ipc/contract';
import type { GanttSvgInput } from '@renderer/features/plan/utils/ganttSvg';
import { ganttSvgPieces, ganttSvgSize } from '@renderer/features/plan/utils/ganttSvg';
import { getPlatform } from '@renderer/platform/getPlatform';
import type { SaveOutcome } from '@renderer/platform/platform';

export type GanttExportFormat = 'svg' | 'png';

/** PNG is drawn at twice the size for sharpness, less when that would not fit a canvas. */
const PNG_SCALE = 2;
/** Largest canvas side and area drawn: Chromium's limits, with room for memory to spare. */
const MAX_CANVAS_SIDE = 16_384;
const MAX_CANVAS_AREA = 120_000_000;

const MESSAGE_KEY = 'plan-export';

/** Lets the page paint (the progress message) before the next piece of work. */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The scale a chart of `width` × `height` is drawn at in a PNG, or null if even 1× is too big. */
export function pngScale(width: number, height: number): number | null {
  const byArea = Math.sqrt(MAX_CANVAS_AREA / (width * height));
  const scale = Math.min(PNG_SCALE, MAX_CANVAS_SIDE / width, MAX_CANVAS_SIDE / height, byArea);
  return scale >= 1 ? scale : null;
}

async function svgToPng(svg: string, width: number, height: number, scale: number) {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (context === null) throw new Error('no 2D canvas');
    context.scale(scale, scale);
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, width, height);
    context.drawImage(image, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (blob === null) throw new Error('the image could not be encoded');
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * Exports the plan's Gantt chart as an SVG document or a PNG image, through the native save
 * dialog on the desktop and as a download in the browser. The SVG is written in pieces with a
 * progress message between them, so a large plan never freezes the page without a word, and is
 * saved in those pieces (no size limit); the PNG is drawn from it and saved whole. `busy` is true
 * while an export runs.
 */
export function useExportGantt() {
  const { t } = useTranslation('plan');
  const { message } = App.useApp();
  const [busy, setBusy] = useState<GanttExportFormat | null>(null);

  const run = useCallback(
    async (format: GanttExportFormat, input: GanttSvgInput, fileStem: string) => {
      setBusy(format);
      const progress = (content: string) =>
        message.loading({ key: MESSAGE_KEY, content, duration: 0 });
      try {
        const size = ganttSvgSize(input);
        const scale = format === 'png' ? pngScale(size.width, size.height) : 1;
        if (scale === null) {
          message.error({
            key: MESSAGE_KEY,
            content: t('export.tooLarge', {
              width: Math.round(size.width * PNG_SCALE),
              height: Math.round(size.height * PNG_SCALE),
            }),
            duration: 8,
          });
          return;
        }
        progress(t('export.preparing', { percent: 0 }));
        await nextFrame();
        const pieces: string[] = [];
        let length = 0;
        let shown = 0;
        for (const piece of ganttSvgPieces(input)) {
          pieces.push(piece.text);
          length += piece.text.length;
          const percent = piece.total === 0 ? 100 : Math.floor((piece.done / piece.total) * 100);
          if (percent - shown >= 10) {
            shown = percent;
            progress(t('export.preparing', { percent }));
            await nextFrame();
          }
        }
        const stamp = dayjs().format('YYYY-MM-DD');
        const suggestedName = `${fileStem}-gantt-${stamp}.${format}`;
        const filters = [
          {
            name: t(format === 'svg' ? 'export.svgType' : 'export.pngType'),
            extensions: [format],
          },
        ];
        let outcome: SaveOutcome;
        if (format === 'svg') {
          // Saved in the pieces it was written in: any size, and never joined into one string.
          message.destroy(MESSAGE_KEY);
          outcome = await getPlatform().saveFileStream({ suggestedName, filters, pieces });
        } else {
          if (length > MAX_SAVE_BYTES) {
            message.error({ key: MESSAGE_KEY, content: t('export.tooLargeFile'), duration: 8 });
            return;
          }
          progress(t('export.rendering'));
          await nextFrame();
          const content = await svgToPng(pieces.join(''), size.width, size.height, scale);
          if (content.byteLength > MAX_SAVE_BYTES) {
            message.error({ key: MESSAGE_KEY, content: t('export.tooLargeFile'), duration: 8 });
            return;
          }
          message.destroy(MESSAGE_KEY);
          outcome = await getPlatform().saveFile({ suggestedName, content, filters });
        }
        if (outcome.status === 'saved')
          message.success(t('export.saved', { file: outcome.fileName }));
        if (outcome.status === 'downloaded') {
          message.success(t('export.downloaded', { file: outcome.fileName }));
        }
      } catch (error) {
        message.error({
          key: MESSAGE_KEY,
          content: t('export.failed', {
            message: error instanceof Error ? error.message : String(error),
          }),
          duration: 8,
        });
      } finally {
        setBusy(null);
      }
    },
    [message, t],
  );

  return { run, busy };
}
