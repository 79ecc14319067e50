import type { FastifyReply } from 'fastify';
import type { Auth } from './auth.js';

/**
 * Work that a route starts only once its answer has gone, so that the answer (and how long it took)
 * says nothing about the work: a password reset request answers the same, at once, whether or not
 * the account exists. Failures are logged with the request's id. The work is tracked, so shutting
 * down (and a test) can wait until it is done.
 */
export class AfterResponseWork {
  private readonly pending = new Set<Promise<void>>();

  /** Starts `task` when the reply has finished (or the connection closed); counted as pending from now. */
  run(reply: FastifyReply, what: string, task: () => Promise<unknown>): void {
    const done = new Promise<void>((resolve) => {
      let started = false;
      const start = () => {
        if (started) return;
        started = true;
        // After whatever the end of the response set off in this turn (the client's own callbacks
        // when in-process), so none of the work runs before the answer is fully out.
        setImmediate(() => {
          task()
            .catch((error: unknown) => reply.log.error({ err: error }, `${what} failed`))
            .finally(resolve);
        });
      };
      if (reply.raw.writableFinished || reply.raw.destroyed) start();
      else {
        reply.raw.once('finish', start);
        reply.raw.once('close', start);
      }
    });
    this.pending.add(done);
    void done.then(() => this.pending.delete(done));
  }

  /** Resolves once nothing started so far is still running. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }
}

const byAuth = new WeakMap<Auth, AfterResponseWork>();

/** The after-response work of one app (keyed by its auth instance: one per app). */
export function afterResponseWork(auth: Auth): AfterResponseWork {
  let work = byAuth.get(auth);
  if (!work) {
    work = new AfterResponseWork();
    byAuth.set(auth, work);
  }
  return work;
}
