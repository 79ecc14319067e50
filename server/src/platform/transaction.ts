import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db, Tx } from './db.js';

type AfterCommit = () => void | Promise<void>;

interface TransactionContext {
  tx: Tx;
  afterCommit: AfterCommit[];
  /** Values that several steps of one transaction share (sign-up's hooks use it). */
  bag: Map<string, unknown>;
}

const storage = new AsyncLocalStorage<TransactionContext>();

let reportAfterCommitError: (error: unknown) => void = (error) => {
  console.error('after-commit task failed', error);
};

export function setAfterCommitErrorReporter(report: (error: unknown) => void): void {
  reportAfterCommitError = report;
}

/**
 * Runs fn in a transaction, or joins the one already open in this async context. Work registered
 * with afterCommit() runs only once the outermost transaction has committed.
 */
export async function withTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const current = storage.getStore();
  if (current) return fn(current.tx);
  const afterCommitTasks: AfterCommit[] = [];
  const result = await db.transaction((tx) => storage.run({ tx, afterCommit: afterCommitTasks, bag: new Map() }, () => fn(tx)));
  for (const task of afterCommitTasks) {
    try {
      await task();
    } catch (error) {
      reportAfterCommitError(error);
    }
  }
  return result;
}

/** Schedules work for after the current transaction commits; outside a transaction it runs now. */
export function afterCommit(task: AfterCommit): void {
  const current = storage.getStore();
  if (current) current.afterCommit.push(task);
  else void Promise.resolve().then(task).catch(reportAfterCommitError);
}

export function currentTransaction(): TransactionContext | undefined {
  return storage.getStore();
}

/**
 * A view of db whose transaction() joins withTransaction(), so that a library running its own
 * transaction (the auth library's sign-up) shares it with our repositories and after-commit work.
 */
export function transactionAwareDb(db: Db): Db {
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop === 'transaction') {
        return <T>(fn: (tx: Tx) => Promise<T>) => withTransaction(target, fn);
      }
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
}
