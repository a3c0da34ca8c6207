// What the storage layer offers a tracer: every SQL statement passes through `around`, so a span can
// time it. The storage layer knows nothing of OpenTelemetry; with tracing off nothing here is called
// (the statements and the pool are built without it).

export interface StatementTracing {
  /**
   * Runs one statement and records it: `run` returns the result on SQLite (synchronous) and a promise on
   * PostgreSQL. `sql` is the statement's text with placeholders, never its parameters.
   */
  around<T>(sql: string, run: () => T): T;
  /**
   * `work` tied to the trace of the request that hands it over. The SQLite group commit runs the work of
   * several requests in one turn that the first of them started; bound, each one's statements still
   * belong to its own request.
   */
  bind<A extends unknown[], R>(work: (...args: A) => R): (...args: A) => R;
}
