import type { z } from 'zod';

/**
 * Renders an issue path the way a user reads a location in data: `deals[3].value.amountMinor`.
 * Keys that are not plain identifiers are quoted (`settings["odd key"]`).
 */
export function formatPath(path: readonly PropertyKey[], root = ''): string {
  let out = root;
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'string' && /^[A-Za-z_$][\w$]*$/.test(segment)) {
      out += out === '' ? segment : `.${segment}`;
    } else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out === '' ? '(root)' : out;
}

/**
 * One line per problem, `path: message`, for error lists, import reports and logs. The issues
 * themselves (with zod's `code`) remain on the error for callers that translate by code.
 */
export function formatIssues(error: z.ZodError | readonly z.core.$ZodIssue[], root = ''): string[] {
  const issues = 'issues' in error ? error.issues : error;
  return issues.map((issue) => `${formatPath(issue.path, root)}: ${issue.message}`);
}
