// FHIR's answer to a request that failed: an OperationOutcome with one issue, its severity and code
// from the R4 issue-type code list, and the reason in words.
export type IssueType = 'invalid' | 'not-found' | 'not-supported' | 'login' | 'forbidden' | 'too-costly' | 'exception' | 'transient';

export function operationOutcome(code: IssueType, diagnostics: string, severity: 'error' | 'fatal' = 'error'): Record<string, unknown> {
  return { resourceType: 'OperationOutcome', issue: [{ severity, code, diagnostics }] };
}

/** A searchset Bundle with its paging links and, after the matches, the resources included with them. */
export function searchBundle(options: {
  /** Left out when the search did not count every match (a newest page read from the newest records). */
  readonly total: number | undefined;
  readonly links: readonly { relation: string; url: string }[];
  readonly matches: readonly Record<string, unknown>[];
  readonly included: readonly Record<string, unknown>[];
  readonly baseUrl: string;
}): Record<string, unknown> {
  const entry = (resource: Record<string, unknown>, mode: 'match' | 'include') => ({
    fullUrl: `${options.baseUrl}/${resource.resourceType as string}/${resource.id as string}`,
    resource,
    search: { mode },
  });
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    ...(options.total !== undefined ? { total: options.total } : {}),
    link: options.links,
    entry: [...options.matches.map((r) => entry(r, 'match')), ...options.included.map((r) => entry(r, 'include'))],
  };
}
