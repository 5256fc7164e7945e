import type { Portfolio, TableName } from '@shared/domain/tables';
import { TABLE_NAMES } from '@shared/domain/tables';
import { formatPath } from '@shared/domain/issues';

/**
 * Checks a whole portfolio for what a single record's schema cannot see: duplicate ids, ids that
 * point at nothing (a task whose deal does not exist), references that cross deals (a dependency
 * from one deal's task to another's), duplicate deal codes and loops in the task hierarchy.
 * Restore and import run it after the per-record schemas, before writing anything. Soft-deleted
 * records still count as existing: the trash keeps them restorable.
 */
export interface ReferenceIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

export function formatReferenceIssues(issues: readonly ReferenceIssue[]): string[] {
  return issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
}

type Lookup = ReadonlyMap<string, { readonly dealId?: string | null }>;

export function checkReferences(portfolio: Portfolio, limit = 1_000): ReferenceIssue[] {
  const issues: ReferenceIssue[] = [];
  const report = (path: (string | number)[], message: string) => {
    if (issues.length < limit) issues.push({ path, message });
  };

  const index = new Map<TableName, Map<string, { readonly dealId?: string | null }>>();
  for (const table of TABLE_NAMES) {
    const byId = new Map<string, { readonly dealId?: string | null }>();
    portfolio[table].forEach(
      (record: { readonly id: string; readonly dealId?: string | null }, i: number) => {
        if (byId.has(record.id)) report([table, i, 'id'], `repeats the id ${record.id}`);
        byId.set(record.id, record);
      },
    );
    index.set(table, byId);
  }
  const lookup = (table: TableName): Lookup => index.get(table) ?? new Map();

  /** `id` must exist in `table` (and, when `dealId` is given, belong to that deal). */
  const ref = (
    path: (string | number)[],
    id: string | null,
    table: TableName | readonly TableName[],
    what: string,
    dealId?: string,
  ) => {
    if (id === null) return;
    // A loop, not map/find: this runs for every reference of every record of a restore.
    let target: { readonly dealId?: string | null } | undefined;
    if (typeof table === 'string') target = lookup(table).get(id);
    else {
      for (const name of table as readonly TableName[]) {
        target = lookup(name).get(id);
        if (target !== undefined) break;
      }
    }
    if (target === undefined) report(path, `refers to a ${what} that does not exist (${id})`);
    else if (dealId !== undefined && target.dealId !== undefined && target.dealId !== dealId) {
      report(path, `refers to a ${what} of another deal (${id})`);
    }
  };

  portfolio.teams.forEach((team, i) =>
    ref(['teams', i, 'managerId'], team.managerId, 'people', 'person'),
  );
  portfolio.people.forEach((person, i) => {
    person.roleIds.forEach((roleId, k) =>
      ref(['people', i, 'roleIds', k], roleId, 'roles', 'role'),
    );
    ref(['people', i, 'teamId'], person.teamId, 'teams', 'team');
  });
  portfolio.accounts.forEach((account, i) =>
    ref(['accounts', i, 'ownerId'], account.ownerId, 'people', 'person'),
  );
  portfolio.contacts.forEach((contact, i) =>
    ref(['contacts', i, 'accountId'], contact.accountId, 'accounts', 'account'),
  );
  portfolio.stages.forEach((stage, i) =>
    ref(['stages', i, 'processId'], stage.processId, 'salesProcesses', 'sales process'),
  );

  const codes = new Map<string, number>();
  portfolio.deals.forEach((deal, i) => {
    ref(['deals', i, 'accountId'], deal.accountId, 'accounts', 'account');
    ref(['deals', i, 'ownerId'], deal.ownerId, 'people', 'person');
    ref(['deals', i, 'stageId'], deal.stageId, 'stages', 'stage');
    deal.buyingCentre.forEach((member, k) =>
      ref(['deals', i, 'buyingCentre', k, 'contactId'], member.contactId, 'contacts', 'contact'),
    );
    deal.creditSplits.forEach((split, k) =>
      ref(['deals', i, 'creditSplits', k, 'personId'], split.personId, 'people', 'person'),
    );
    const code = deal.code.trim().toLowerCase();
    const first = codes.get(code);
    if (first !== undefined)
      report(['deals', i, 'code'], `repeats the code of deals[${first}] (${deal.code})`);
    else codes.set(code, i);
  });

  portfolio.gates.forEach((gate, i) => {
    ref(['gates', i, 'dealId'], gate.dealId, 'deals', 'deal');
    ref(['gates', i, 'stageId'], gate.stageId, 'stages', 'stage');
    ref(['gates', i, 'decidedBy'], gate.decidedBy, 'people', 'person');
  });
  portfolio.tasks.forEach((task, i) => {
    ref(['tasks', i, 'dealId'], task.dealId, 'deals', 'deal');
    ref(['tasks', i, 'parentId'], task.parentId, 'tasks', 'parent task', task.dealId);
    ref(['tasks', i, 'requiredRoleId'], task.requiredRoleId, 'roles', 'role');
  });
  checkTaskHierarchy(portfolio, report);
  portfolio.milestones.forEach((milestone, i) => {
    ref(['milestones', i, 'dealId'], milestone.dealId, 'deals', 'deal');
    ref(['milestones', i, 'stageId'], milestone.stageId, 'stages', 'stage');
  });
  const planItems = ['tasks', 'milestones'] as const;
  portfolio.dependencies.forEach((dependency, i) => {
    ref(['dependencies', i, 'dealId'], dependency.dealId, 'deals', 'deal');
    ref(
      ['dependencies', i, 'predecessorId'],
      dependency.predecessorId,
      planItems,
      'task or milestone',
      dependency.dealId,
    );
    ref(
      ['dependencies', i, 'successorId'],
      dependency.successorId,
      planItems,
      'task or milestone',
      dependency.dealId,
    );
  });
  portfolio.baselines.forEach((baseline, i) => {
    ref(['baselines', i, 'dealId'], baseline.dealId, 'deals', 'deal');
    baseline.tasks.forEach((item, k) =>
      ref(['baselines', i, 'tasks', k, 'taskId'], item.taskId, 'tasks', 'task', baseline.dealId),
    );
    baseline.milestones.forEach((item, k) =>
      ref(
        ['baselines', i, 'milestones', k, 'milestoneId'],
        item.milestoneId,
        'milestones',
        'milestone',
        baseline.dealId,
      ),
    );
  });
  portfolio.deliverables.forEach((deliverable, i) => {
    ref(['deliverables', i, 'dealId'], deliverable.dealId, 'deals', 'deal');
    ref(['deliverables', i, 'ownerId'], deliverable.ownerId, 'people', 'person');
    deliverable.taskIds.forEach((taskId, k) =>
      ref(['deliverables', i, 'taskIds', k], taskId, 'tasks', 'task', deliverable.dealId),
    );
  });
  portfolio.reviewRounds.forEach((round, i) => {
    ref(['reviewRounds', i, 'dealId'], round.dealId, 'deals', 'deal');
    ref(
      ['reviewRounds', i, 'deliverableId'],
      round.deliverableId,
      'deliverables',
      'deliverable',
      round.dealId,
    );
    ref(['reviewRounds', i, 'reviewerId'], round.reviewerId, 'people', 'person');
    round.comments.forEach((comment, k) =>
      ref(['reviewRounds', i, 'comments', k, 'authorId'], comment.authorId, 'people', 'person'),
    );
  });
  portfolio.assignments.forEach((assignment, i) => {
    ref(['assignments', i, 'dealId'], assignment.dealId, 'deals', 'deal');
    ref(['assignments', i, 'taskId'], assignment.taskId, 'tasks', 'task', assignment.dealId);
    ref(['assignments', i, 'personId'], assignment.personId, 'people', 'person');
    ref(['assignments', i, 'roleId'], assignment.roleId, 'roles', 'role');
  });
  portfolio.risks.forEach((risk, i) => {
    ref(['risks', i, 'dealId'], risk.dealId, 'deals', 'deal');
    ref(['risks', i, 'ownerId'], risk.ownerId, 'people', 'person');
    ref(['risks', i, 'mitigationTaskId'], risk.mitigationTaskId, 'tasks', 'task', risk.dealId);
    risk.history.forEach((entry, k) =>
      ref(['risks', i, 'history', k, 'byId'], entry.byId, 'people', 'person'),
    );
  });
  portfolio.budgetLines.forEach((line, i) =>
    ref(['budgetLines', i, 'dealId'], line.dealId, 'deals', 'deal'),
  );
  portfolio.costEntries.forEach((entry, i) => {
    ref(['costEntries', i, 'dealId'], entry.dealId, 'deals', 'deal');
    ref(['costEntries', i, 'personId'], entry.personId, 'people', 'person');
  });
  portfolio.timeEntries.forEach((entry, i) => {
    ref(['timeEntries', i, 'dealId'], entry.dealId, 'deals', 'deal');
    ref(['timeEntries', i, 'personId'], entry.personId, 'people', 'person');
    ref(['timeEntries', i, 'taskId'], entry.taskId, 'tasks', 'task', entry.dealId);
  });
  portfolio.activities.forEach((activity, i) => {
    ref(['activities', i, 'dealId'], activity.dealId, 'deals', 'deal');
    ref(['activities', i, 'actorId'], activity.actorId, 'people', 'person');
    activity.contactIds.forEach((contactId, k) =>
      ref(['activities', i, 'contactIds', k], contactId, 'contacts', 'contact'),
    );
  });
  portfolio.reviewSnapshots.forEach((snapshot, i) =>
    ref(['reviewSnapshots', i, 'takenBy'], snapshot.takenBy, 'people', 'person'),
  );
  portfolio.targets.forEach((target, i) => {
    ref(['targets', i, 'personId'], target.personId, 'people', 'person');
    ref(['targets', i, 'teamId'], target.teamId, 'teams', 'team');
    ref(['targets', i, 'parentTargetId'], target.parentTargetId, 'targets', 'target');
  });
  portfolio.commissionAssignments.forEach((assignment, i) => {
    ref(['commissionAssignments', i, 'personId'], assignment.personId, 'people', 'person');
    ref(
      ['commissionAssignments', i, 'planId'],
      assignment.planId,
      'commissionPlans',
      'commission plan',
    );
  });
  portfolio.commissionAdjustments.forEach((adjustment, i) => {
    ref(['commissionAdjustments', i, 'personId'], adjustment.personId, 'people', 'person');
    ref(['commissionAdjustments', i, 'dealId'], adjustment.dealId, 'deals', 'deal');
  });
  const versions = new Map<string, number>();
  portfolio.quotes.forEach((quote, i) => {
    ref(['quotes', i, 'dealId'], quote.dealId, 'deals', 'deal');
    const key = `${quote.dealId}#${quote.version}`;
    const first = versions.get(key);
    if (first !== undefined)
      report(
        ['quotes', i, 'version'],
        `repeats the version of quotes[${first}] (${quote.version})`,
      );
    else versions.set(key, i);
    quote.sections.forEach((section, s) =>
      section.lines.forEach((line, l) => {
        const path = ['quotes', i, 'sections', s, 'lines', l];
        ref(
          [...path, 'priceBookItemId'],
          line.priceBookItemId,
          'priceBookItems',
          'price book item',
        );
        ref([...path, 'roleId'], line.roleId, 'roles', 'role');
      }),
    );
  });
  const priceToWinOf = new Map<string, number>();
  portfolio.priceToWin.forEach((record, i) => {
    ref(['priceToWin', i, 'dealId'], record.dealId, 'deals', 'deal');
    const first = priceToWinOf.get(record.dealId);
    if (first !== undefined)
      report(['priceToWin', i, 'dealId'], `repeats the deal of priceToWin[${first}]`);
    else priceToWinOf.set(record.dealId, i);
  });
  portfolio.contracts.forEach((contract, i) => {
    ref(['contracts', i, 'dealId'], contract.dealId, 'deals', 'deal');
    ref(
      ['contracts', i, 'fileId'],
      contract.fileId,
      'contractFiles',
      'contract file',
      contract.dealId,
    );
  });
  portfolio.contractFiles.forEach((file, i) => {
    ref(['contractFiles', i, 'dealId'], file.dealId, 'deals', 'deal');
    ref(['contractFiles', i, 'contractId'], file.contractId, 'contracts', 'contract', file.dealId);
  });
  return issues;
}

/** Reports tasks whose parent chain loops back on itself (a WBS must be a tree). */
function checkTaskHierarchy(
  portfolio: Portfolio,
  report: (path: (string | number)[], message: string) => void,
): void {
  const parentOf = new Map<string, string | null>();
  portfolio.tasks.forEach((task) => parentOf.set(task.id, task.parentId));
  const settled = new Set<string>();
  portfolio.tasks.forEach((task, i) => {
    const seen = new Set<string>();
    let current: string | null | undefined = task.id;
    while (current !== null && current !== undefined && !settled.has(current)) {
      if (seen.has(current)) {
        report(['tasks', i, 'parentId'], 'makes the task hierarchy loop back on itself');
        break;
      }
      seen.add(current);
      current = parentOf.get(current);
    }
    for (const id of seen) settled.add(id);
  });
}
