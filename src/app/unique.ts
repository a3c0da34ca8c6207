// Storage marks unique-constraint violations with this symbol (translated from driver codes there),
// so use cases can recognise them without knowing the engine.
export const UNIQUE_VIOLATION = Symbol.for('painwise.unique-violation');

export function isUniqueViolationError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[UNIQUE_VIOLATION] === true;
}
