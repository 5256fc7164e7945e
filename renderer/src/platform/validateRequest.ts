import type { z } from 'zod';

/** A request the UI built that the IPC contract does not accept (a programming error). */
export class InvalidPlatformRequestError extends Error {
  constructor(operation: string, error: z.ZodError) {
    const details = error.issues
      .slice(0, 3)
      .map(
        (issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'request'}: ${issue.message}`,
      )
      .join('; ');
    super(`Invalid ${operation} request (${details}).`);
    this.name = 'InvalidPlatformRequestError';
  }
}

/**
 * Both platforms check requests with the contract's schemas before acting, so a bad file name
 * fails the same way in the browser as on the desktop (where main checks it again).
 */
export function validateRequest<S extends z.ZodType>(
  schema: S,
  value: z.input<S>,
  operation: string,
): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new InvalidPlatformRequestError(operation, parsed.error);
  return parsed.data;
}
