import { type LoggerOptions, type SerializedError, stdSerializers } from 'pino';

/**
 * Logged errors keep what explains them (the SQL text, the SQLSTATE, the constraint, the stack) and
 * lose the values people typed: the ORM puts every query parameter into its error (`params`, and
 * the message "Failed query: … params: …"), and PostgreSQL repeats values in `detail` ("Key
 * (email)=(…) already exists", "Failing row contains (…)") and in some messages ('invalid input
 * syntax for type uuid: "…"').
 */
const REDACTED = '[redacted]';
const MAX_CAUSE_DEPTH = 5;

/**
 * `Key (email)=(a@b.c) already exists.` → `Key (email)=([redacted]) already exists.`;
 * `Failing row contains (…).` → `Failing row contains ([redacted]).` Greedy: a value may hold ")".
 */
export function redactDetail(detail: string): string {
  return detail.replace(/=\(.*\)/s, `=(${REDACTED})`).replace(/(contains )\(.*\)/s, `$1(${REDACTED})`);
}

/** The ORM's message with its parameter list cut; a database message's quoted value cut. */
export function redactMessage(message: string): string {
  const paramsAt = message.indexOf('\nparams: ');
  const withoutParams = paramsAt === -1 ? message : `${message.slice(0, paramsAt)}\nparams: ${REDACTED}`;
  return withoutParams.replace(/(: )"[^\n]*"$/s, `$1"${REDACTED}"`);
}

interface ErrorFields {
  code?: unknown;
  params?: unknown;
  detail?: unknown;
  cause?: unknown;
}

/** The first SQLSTATE in the error's cause chain (the ORM wraps the driver's error). */
function sqlStateOf(error: unknown): string | undefined {
  let current = error as ErrorFields | undefined;
  for (let depth = 0; current && depth <= MAX_CAUSE_DEPTH; depth += 1) {
    if (typeof current.code === 'string' && /^[0-9A-Z]{5}$/.test(current.code)) return current.code;
    current = current.cause as ErrorFields | undefined;
  }
  return undefined;
}

/** A copy of the error and its causes, of the same class, with every parameter value taken out. */
export function redactError(error: unknown, depth = 0): unknown {
  if (!(error instanceof Error) || depth > MAX_CAUSE_DEPTH) return error;
  const copy = Object.create(Object.getPrototypeOf(error) as object) as Error & Record<string, unknown>;
  for (const [key, value] of Object.entries(error)) {
    if (key === 'cause') continue;
    if (key === 'params') copy.params = Array.isArray(value) ? `[${value.length} values ${REDACTED}]` : REDACTED;
    else if (key === 'detail' && typeof value === 'string') copy.detail = redactDetail(value);
    else copy[key] = value;
  }
  const message = redactMessage(error.message);
  Object.defineProperty(copy, 'message', { value: message, enumerable: false, writable: true, configurable: true });
  Object.defineProperty(copy, 'name', { value: error.name, enumerable: false, writable: true, configurable: true });
  // The stack starts with "Name: message": that part is swapped for the redacted message (a stack
  // of another shape is cut at its parameter list, like a message).
  const head = `${error.name}: ${error.message}`;
  const stack = error.stack?.startsWith(head)
    ? `${error.name}: ${message}${error.stack.slice(head.length)}`
    : error.stack && redactMessage(error.stack);
  Object.defineProperty(copy, 'stack', { value: stack, enumerable: false, writable: true, configurable: true });
  if (error.cause !== undefined) {
    Object.defineProperty(copy, 'cause', {
      value: redactError(error.cause, depth + 1),
      enumerable: false,
      writable: true,
      configurable: true,
    });
  }
  return copy;
}

/** pino's `err` serializer, on the redacted copy; the SQLSTATE of a wrapped database error on top. */
export function serializeError(error: Error): SerializedError {
  const serialized = stdSerializers.err(redactError(error) as Error);
  const sqlState = sqlStateOf(error);
  if (sqlState && serialized.code === undefined) serialized.sqlState = sqlState;
  return serialized;
}

/** Values handed to a logger by a library (the auth library logs its arguments as they are). */
export function redactLogValue(value: unknown): unknown {
  return value instanceof Error ? serializeError(value) : value;
}

/** The logger options that keep parameter values out: the err serializer, and string messages. */
export const redactingLoggerOptions = {
  serializers: { err: serializeError },
  hooks: {
    logMethod(args, method) {
      const redacted = args.map((arg: unknown) => (typeof arg === 'string' ? redactMessage(arg) : arg)) as typeof args;
      method.apply(this, redacted);
    },
  },
} satisfies Pick<LoggerOptions, 'serializers' | 'hooks'>;
