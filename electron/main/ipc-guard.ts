import type { z } from 'zod';
import { IPC_CHANNELS, type InvokeChannel } from '@shared/ipc/channels';
import { IPC_CONTRACT, type IpcRequest, type IpcResponse } from '@shared/ipc/contract';
import type { UrlPolicy } from './app-url';

/** What main needs to know about who sent an IPC message. */
export interface GuardedEvent {
  readonly sender: { readonly id: number };
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

export interface SenderGuard {
  /** True for the webContents of a window Pursuit itself created. */
  isOwnWebContents(id: number): boolean;
  readonly policy: UrlPolicy;
}

/** Thrown back to the renderer (as a rejected `invoke`) for any refused request. */
export class IpcRequestRefusedError extends Error {
  readonly channel: string;
  constructor(channel: string, reason: string) {
    super(`Pursuit refused the "${channel}" request: ${reason}.`);
    this.name = 'IpcRequestRefusedError';
    this.channel = channel;
  }
}

/** Why the sender may not use IPC, or null when it is the app's own top-level page. */
export function senderProblem(event: GuardedEvent, guard: SenderGuard): string | null {
  if (!guard.isOwnWebContents(event.sender.id)) return 'it did not come from a Pursuit window';
  const frame = event.senderFrame;
  if (frame === null) return 'the sending frame no longer exists';
  if (frame.parent !== null) return 'it came from an embedded frame, not the main page';
  if (!guard.policy.isTrustedUrl(frame.url)) return 'it came from a page outside the app';
  return null;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => {
      const where = issue.path.length > 0 ? issue.path.join('.') : 'payload';
      return `${where}: ${issue.message}`;
    })
    .join('; ');
}

/**
 * Validates the arguments of one `invoke` against the contract. Every channel takes at most one
 * argument; extra arguments are refused rather than ignored.
 */
export function parseRequest<C extends InvokeChannel>(
  channel: C,
  args: readonly unknown[],
): IpcRequest<C> {
  if (args.length > 1) {
    throw new IpcRequestRefusedError(channel, `expected one argument, got ${args.length}`);
  }
  const parsed = IPC_CONTRACT[channel].request.safeParse(args[0]);
  if (!parsed.success) {
    throw new IpcRequestRefusedError(channel, `invalid payload (${describeIssues(parsed.error)})`);
  }
  // TypeScript cannot tie the schema picked by a generic key back to that key's type.
  return parsed.data as IpcRequest<C>;
}

export type IpcHandlers<E extends GuardedEvent> = {
  readonly [C in InvokeChannel]: (request: IpcRequest<C>, event: E) => Promise<IpcResponse<C>>;
};

export interface IpcRegistrar<E extends GuardedEvent> {
  handle(channel: string, listener: (event: E, ...args: unknown[]) => Promise<unknown>): void;
}

/**
 * Builds the listener for one channel: sender check, then payload check, then the handler, then
 * a check of the handler's own answer (so nothing outside the contract, such as a full path,
 * can reach the renderer by mistake).
 */
export function guardedListener<E extends GuardedEvent, C extends InvokeChannel>(
  channel: C,
  handler: (request: IpcRequest<C>, event: E) => Promise<IpcResponse<C>>,
  guard: SenderGuard,
): (event: E, ...args: unknown[]) => Promise<IpcResponse<C>> {
  return async (event, ...args) => {
    const problem = senderProblem(event, guard);
    if (problem !== null) throw new IpcRequestRefusedError(channel, problem);
    const request = parseRequest(channel, args);
    const response = await handler(request, event);
    const checked = IPC_CONTRACT[channel].response.safeParse(response);
    if (!checked.success) {
      throw new Error(`Pursuit produced an invalid "${channel}" answer.`);
    }
    // As in parseRequest: the schema was picked by `channel`, so its output is IpcResponse<C>.
    return checked.data as IpcResponse<C>;
  };
}

export function registerIpcHandlers<E extends GuardedEvent>(
  ipc: IpcRegistrar<E>,
  handlers: IpcHandlers<E>,
  guard: SenderGuard,
): void {
  ipc.handle(
    IPC_CHANNELS.appInfo,
    guardedListener(IPC_CHANNELS.appInfo, handlers['app:info'], guard),
  );
  ipc.handle(
    IPC_CHANNELS.fileSave,
    guardedListener(IPC_CHANNELS.fileSave, handlers['file:save'], guard),
  );
  ipc.handle(
    IPC_CHANNELS.saveStreamOpen,
    guardedListener(IPC_CHANNELS.saveStreamOpen, handlers['file:saveStream:open'], guard),
  );
  ipc.handle(
    IPC_CHANNELS.saveStreamAppend,
    guardedListener(IPC_CHANNELS.saveStreamAppend, handlers['file:saveStream:append'], guard),
  );
  ipc.handle(
    IPC_CHANNELS.saveStreamFinish,
    guardedListener(IPC_CHANNELS.saveStreamFinish, handlers['file:saveStream:finish'], guard),
  );
  ipc.handle(
    IPC_CHANNELS.saveStreamAbort,
    guardedListener(IPC_CHANNELS.saveStreamAbort, handlers['file:saveStream:abort'], guard),
  );
  ipc.handle(
    IPC_CHANNELS.openStreamOpen,
    guardedListener(IPC_CHANNELS.openStreamOpen, handlers['file:openStream:open'], guard),
  );
  ipc.handle(
    IPC_CHANNELS.openStreamRead,
    guardedListener(IPC_CHANNELS.openStreamRead, handlers['file:openStream:read'], guard),
  );
  ipc.handle(
    IPC_CHANNELS.openStreamClose,
    guardedListener(IPC_CHANNELS.openStreamClose, handlers['file:openStream:close'], guard),
  );
  ipc.handle(
    IPC_CHANNELS.fileOpen,
    guardedListener(IPC_CHANNELS.fileOpen, handlers['file:open'], guard),
  );
  ipc.handle(
    IPC_CHANNELS.printToPdf,
    guardedListener(IPC_CHANNELS.printToPdf, handlers['view:printToPdf'], guard),
  );
  ipc.handle(
    IPC_CHANNELS.backupWrite,
    guardedListener(IPC_CHANNELS.backupWrite, handlers['backup:write'], guard),
  );
  ipc.handle(
    IPC_CHANNELS.backupList,
    guardedListener(IPC_CHANNELS.backupList, handlers['backup:list'], guard),
  );
  ipc.handle(
    IPC_CHANNELS.backupRead,
    guardedListener(IPC_CHANNELS.backupRead, handlers['backup:read'], guard),
  );
  ipc.handle(
    IPC_CHANNELS.backupDelete,
    guardedListener(IPC_CHANNELS.backupDelete, handlers['backup:delete'], guard),
  );
  ipc.handle(
    IPC_CHANNELS.backupOpenFolder,
    guardedListener(IPC_CHANNELS.backupOpenFolder, handlers['backup:openFolder'], guard),
  );
  ipc.handle(
    IPC_CHANNELS.quitReady,
    guardedListener(IPC_CHANNELS.quitReady, handlers['app:quitReady'], guard),
  );
}
