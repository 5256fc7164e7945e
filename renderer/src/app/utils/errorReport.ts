export interface DescribedError {
  name: string;
  message: string;
  stack?: string;
}

/** Whatever was thrown (an Error, a string, a router response, anything) as name and message. */
export function describeError(error: unknown): DescribedError {
  if (error instanceof Error) {
    return { name: error.name, message: error.message, stack: error.stack };
  }
  if (typeof error === 'object' && error !== null) {
    const record: Record<string, unknown> = { ...error };
    if (typeof record.status === 'number') {
      const statusText = typeof record.statusText === 'string' ? record.statusText : '';
      return { name: 'Response', message: `${record.status} ${statusText}`.trim() };
    }
    if (typeof record.message === 'string') return { name: 'Error', message: record.message };
  }
  return { name: 'Error', message: String(error) };
}

export interface ErrorReportContext {
  appName: string;
  version: string;
  platform: string;
  url: string;
  userAgent: string;
  /** ISO time of the failure. */
  at: string;
}

/** Plain-text report for a bug ticket: what failed, where, in which version, and the stack. */
export function errorReportText(error: DescribedError, context: ErrorReportContext): string {
  return [
    `${error.name}: ${error.message}`,
    '',
    `${context.appName} ${context.version} (${context.platform})`,
    `URL: ${context.url}`,
    `Time: ${context.at}`,
    `User agent: ${context.userAgent}`,
    '',
    error.stack ?? '(no stack trace)',
  ].join('\n');
}
