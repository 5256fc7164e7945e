import type { PursuitBridge } from '@shared/ipc/bridge';
import {
  openFileRequestSchema,
  printToPdfRequestSchema,
  saveFileRequestSchema,
} from '@shared/ipc/contract';
import type { Platform } from '@renderer/platform/platform';
import { validateRequest } from '@renderer/platform/validateRequest';

declare global {
  interface Window {
    /** Present only inside the desktop shell, exposed by its preload. */
    readonly pursuit?: PursuitBridge;
  }
}

export function createDesktopPlatform(bridge: PursuitBridge): Platform {
  return {
    kind: 'desktop',
    async getAppInfo() {
      const info = await bridge.getAppInfo();
      return { ...info, runtime: 'desktop' };
    },
    async saveFile(request) {
      const result = await bridge.saveFile(
        validateRequest(saveFileRequestSchema, request, 'save file'),
      );
      return result.saved
        ? { status: 'saved', fileName: result.fileName }
        : { status: 'cancelled' };
    },
    openFile(request) {
      return bridge.openFile(validateRequest(openFileRequestSchema, request, 'open file'));
    },
    async printToPdf(request) {
      const result = await bridge.printToPdf(
        validateRequest(printToPdfRequestSchema, request, 'print to PDF'),
      );
      return result.saved
        ? { status: 'saved', fileName: result.fileName }
        : { status: 'cancelled' };
    },
    onMenuCommand(listener) {
      return bridge.onMenuCommand(listener);
    },
  };
}
