// The clinic's patients as a triage list (most urgent first, searchable, filterable, paged), each
// linking to their chart, and a one-time code to invite one.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type ApiError, type PanelPage, type PanelQuery } from '../../api/client.ts';
import { Empty, Field, LoadFailed, Loading, OneTimeCode, SelectField } from '../../components/ui.tsx';
import { formatDateTime, type MessageKey, t } from '../../i18n/index.ts';
import { PanelRows } from './panel-rows.tsx';
import { useOrganization } from './use-organization.ts';

const PAGE_SIZE = 50;
const SORTS = ['priority', 'name', 'last-check-in', 'pain'] as const;
const FILTERS = ['', 'alerts', 'safety', 'overdue', 'worsening', 'lapsed'] as const;
type Sort = (typeof SORTS)[number];
type Filter = (typeof FILTERS)[number];

/** The page for the current controls; a typed search waits for a pause, and an older answer never replaces a newer one. */
function usePanel(orgId: string, search: string, filter: Filter, sort: Sort, offset: number) {
  const [page, setPage] = useState<PanelPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(0);
  useEffect(() => {
    const request = ++latest.current;
    setLoading(true);
    const query: PanelQuery = {
      sort,
      offset,
      limit: PAGE_SIZE,
      ...(search.trim() ? { search: search.trim() } : {}),
      ...(filter ? { filter } : {}),
    };
    const timer = setTimeout(
      () => {
        api.panel(orgId, query).then(
          (p) => {
            if (request !== latest.current) return;
            setPage(p);
            setError(null);
            setLoading(false);
          },
          (e: ApiError) => {
            if (request !== latest.current) return;
            setError(e.message);
            setLoading(false);
          },
        );
      },
      search ? 250 : 0,
    );
    return () => clearTimeout(timer);
  }, [orgId, search, filter, sort, offset, attempt]);
  return { page, error, loading, retry: () => setAttempt((a) => a + 1) };
}

export function ClinicPatients(props: { orgId: string }) {
  const { org, error: orgError } = useOrganization(props.orgId);
  const [search, setSearch] = useState('');
  const [filter, setFilter] = useState<Filter>('');
  const [sort, setSort] = useState<Sort>('priority');
  const [offset, setOffset] = useState(0);
  const { page, error, loading, retry } = usePanel(props.orgId, search, filter, sort, offset);
  const [invitation, setInvitation] = useState<{ code: string; expiresAt: string } | null>(null);
  const [inviteError, setInviteError] = useState<string | null>(null);
  const title = t('clinic.patients.title', { org: org?.name ?? '…' });
  const filtering = search.trim() !== '' || filter !== '';
  // The oldest summary on the page is how current the page is.
  const asOf = page?.items.reduce<string | null>((a, r) => (r.triage && (!a || r.triage.computedAt < a) ? r.triage.computedAt : a), null);
  return (
    <main id="main" class="wide">
      <h1>{title}</h1>
      {orgError && <p class="error">{orgError}</p>}
      <div class="row">
        <button
          type="button"
          class="button secondary"
          onClick={() => {
            api.invitePatient(props.orgId, ['read', 'write']).then(setInvitation, (e: ApiError) => setInviteError(e.message));
          }}
        >
          {t('clinic.patients.invite')}
        </button>
      </div>
      {inviteError && <p class="error">{inviteError}</p>}
      {invitation && (
        <OneTimeCode
          intro={t('clinic.patients.inviteCode', { date: formatDateTime(invitation.expiresAt, undefined, { showZone: true }) })}
          code={invitation.code}
        />
      )}
      <div role="search" class="row panel-controls">
        <Field
          label={t('panel.search')}
          name="panel-search"
          value={search}
          onInput={(v) => {
            setSearch(v);
            setOffset(0);
          }}
        />
        <SelectField<Filter>
          label={t('panel.filter')}
          name="panel-filter"
          value={filter}
          options={FILTERS.map((f) => ({ value: f, label: t(`panel.filter.${f || 'all'}` as MessageKey) }))}
          onChange={(f) => {
            setFilter(f);
            setOffset(0);
          }}
        />
        <SelectField<Sort>
          label={t('panel.sort')}
          name="panel-sort"
          value={sort}
          options={SORTS.map((s) => ({ value: s, label: t(`panel.sort.${s}` as MessageKey) }))}
          onChange={(s) => {
            setSort(s);
            setOffset(0);
          }}
        />
      </div>
      {error && <LoadFailed message={error} onRetry={retry} />}
      {page === null ? (
        !error && <Loading />
      ) : page.total === 0 ? (
        <Empty>{filtering ? t('panel.none') : t('clinic.patients.empty', { code: org?.shareCode ?? '' })}</Empty>
      ) : (
        <div aria-busy={loading ? 'true' : 'false'}>
          <p role="status">
            {t('panel.showing', { from: page.offset + 1, to: page.offset + page.items.length, total: page.total })}
            {asOf && <> {t('panel.asOf', { time: formatDateTime(asOf, undefined, { showZone: true }) })}</>}
          </p>
          <PanelRows orgId={props.orgId} rows={page.items} caption={title} />
          {page.total > PAGE_SIZE && (
            <nav class="row" aria-label={t('panel.pages')}>
              <button
                type="button"
                class="button secondary"
                disabled={offset === 0}
                onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
              >
                {t('panel.previous')}
              </button>
              <button
                type="button"
                class="button secondary"
                disabled={page.offset + page.items.length >= page.total}
                onClick={() => setOffset(offset + PAGE_SIZE)}
              >
                {t('panel.next')}
              </button>
            </nav>
          )}
        </div>
      )}
    </main>
  );
}
