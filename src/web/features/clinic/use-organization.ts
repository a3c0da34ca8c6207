// The clinic a screen is about: its name and share code, for the clinic screens' headings.
import { useEffect, useState } from 'preact/hooks';
import { api, type ApiError, type Organization } from '../../api/client.ts';

export function useOrganization(orgId: string) {
  const [org, setOrg] = useState<Organization | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.organization(orgId).then(setOrg, (e: ApiError) => setError(e.message));
  }, [orgId]);
  return { org, setOrg, error };
}
