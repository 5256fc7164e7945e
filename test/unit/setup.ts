// Every unit test gets a fresh in-memory IndexedDB (fake-indexeddb) so repository tests run
// against a real IndexedDB implementation rather than mocks.
import 'fake-indexeddb/auto';
