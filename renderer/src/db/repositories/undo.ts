import type { PursuitDatabase } from '@renderer/db/database';
import { UndoConflictError } from '@renderer/db/errors';
import { undoStack } from '@renderer/db/undo';
import type { RecordChange, StoredRecord, UndoEntry } from '@renderer/db/undo';
import { runWrite } from '@renderer/db/write';
import type { WriteEnv } from '@renderer/db/write';

/**
 * Undoes the session's last undoable write: every record it touched goes back to its version
 * before, in one transaction, recorded in the activity trail like any other change. Refused (and
 * the history kept) when one of those records has been changed since, e.g. in another window.
 * Returns the entry undone, or null when there was nothing to undo.
 */
export async function undoLast(db: PursuitDatabase, env: WriteEnv): Promise<UndoEntry | null> {
  const entry = undoStack.peek();
  if (!entry) return null;
  const tables = [...new Set(entry.changes.map((change) => change.table))];
  const restored: { change: RecordChange; record: StoredRecord }[] = [];
  await runWrite(db, env, tables, async (writer) => {
    for (const change of [...entry.changes].reverse()) {
      const current = await writer.get(change.table, change.id);
      if (!current || current.rev !== change.after.rev)
        throw new UndoConflictError(entry.label.subject);
      if (change.before === null) {
        await writer.hardDelete(change.table, change.id, entry.label.subject);
      } else if (change.table === 'deals') {
        // The deal's own entry in its trail shows what the undo put back.
        const record = await writer.replace(
          'deals',
          current,
          { ...change.before },
          entry.label.subject,
          'update',
        );
        restored.push({ change, record });
      } else {
        restored.push({
          change,
          record: await writer.cascade(change.table, current, { ...change.before }),
        });
      }
    }
  });
  undoStack.pop();
  for (const { change, record } of restored) {
    if (change.before) undoStack.rebase(change.table, change.id, change.before.rev, record);
  }
  return entry;
}
