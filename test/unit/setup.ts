// Every unit test gets a fresh in-memory IndexedDB (fake-indexeddb) so repository tests run
// against a real IndexedDB implementation rather than mocks.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { configure } from '@testing-library/dom';

// A property run is synchronous, so vitest's test timeout cannot stop it. Bound each run
// (shrinking included) so that a failure is reported with the smallest case found so far instead
// of shrinking for an hour; an interrupted run counts as a failure, never as a pass. The bound
// leaves the slowest property files (about 20 s on a busy 2-core machine) room to pass.
fc.configureGlobal({ interruptAfterTimeLimit: 60_000, markInterruptAsFailure: true });

// Views read IndexedDB (fake-indexeddb) and re-render when it answers; on a busy 2-core machine
// that can take more than the library's one-second default. `waitFor` still returns as soon as
// the data is there: this only bounds how long a failing expectation is retried.
configure({ asyncUtilTimeout: 5_000 });
