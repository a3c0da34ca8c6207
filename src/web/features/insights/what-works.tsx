// "What helps, what hurts": each factor's comparison as the what-works endpoint words it, grouped by
// its verdict; factors still short of days say how many more days with and without they need. A 404
// from a server that does not offer the endpoint yet is a calm "not available", not an error.
import { useEffect, useState } from 'preact/hooks';
import type { ApiError } from '../../api/client.ts';
import { Empty, LoadFailed, Loading } from '../../components/ui.tsx';
import { t, type MessageKey } from '../../i18n/index.ts';
import { insightsApi, WHAT_WORKS_MIN_DAYS, type Verdict, type WhatWorksItem } from './insights-api.ts';

type State =
  | { kind: 'loading' }
  | { kind: 'loaded'; items: WhatWorksItem[] }
  | { kind: 'unavailable' }
  | { kind: 'failed'; message: string };

const GROUPS: readonly { verdict: Verdict; key: MessageKey }[] = [
  { verdict: 'lower', key: 'insights.whatWorks.helps' },
  { verdict: 'higher', key: 'insights.whatWorks.hurts' },
  { verdict: 'no-clear-difference', key: 'insights.whatWorks.unclear' },
  { verdict: 'not-enough-data', key: 'insights.whatWorks.waiting' },
];

function factorName(item: WhatWorksItem): string {
  return t('insights.whatWorks.factor', {
    kind: t(`insights.factor.${item.factor.kind}` as MessageKey),
    name: item.factor.id.replace(/[-_]/g, ' '),
    lag: t(item.lag === 0 ? 'insights.whatWorks.lag0' : 'insights.whatWorks.lag1'),
  });
}

function Item(props: { item: WhatWorksItem }) {
  const { item } = props;
  if (item.verdict === 'not-enough-data') {
    return (
      <li>
        <strong>{factorName(item)}</strong>:{' '}
        {t('insights.whatWorks.more', {
          with: Math.max(0, WHAT_WORKS_MIN_DAYS - item.daysWith),
          without: Math.max(0, WHAT_WORKS_MIN_DAYS - item.daysWithout),
        })}
      </li>
    );
  }
  return (
    <li>
      <strong>{factorName(item)}</strong>: {item.sentence}
    </li>
  );
}

export function WhatWorks(props: { pid: string }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    setState({ kind: 'loading' });
    insightsApi.whatWorks(props.pid).then(
      (r) => setState({ kind: 'loaded', items: r.items }),
      (e: ApiError) => setState(e.status === 404 ? { kind: 'unavailable' } : { kind: 'failed', message: e.message }),
    );
  }, [props.pid, attempt]);
  return (
    <section class="card" aria-labelledby="what-works-heading" data-testid="what-works">
      <h2 id="what-works-heading">{t('insights.whatWorks')}</h2>
      <p class="hint">{t('insights.whatWorks.intro')}</p>
      {state.kind === 'loading' && <Loading />}
      {state.kind === 'unavailable' && <p role="status">{t('insights.whatWorks.unavailable')}</p>}
      {state.kind === 'failed' && (
        <LoadFailed message={t('insights.whatWorks.failed', { message: state.message })} onRetry={() => setAttempt((a) => a + 1)} />
      )}
      {state.kind === 'loaded' && state.items.length === 0 && <Empty>{t('insights.whatWorks.empty')}</Empty>}
      {state.kind === 'loaded' &&
        GROUPS.map((g) => {
          const items = state.items.filter((i) => i.verdict === g.verdict);
          if (items.length === 0) return null;
          return (
            <div key={g.verdict}>
              <h3>{t(g.key)}</h3>
              <ul class="list">
                {items.map((i) => (
                  <Item key={`${i.factor.kind}:${i.factor.id}:${i.lag}:${i.outcome}`} item={i} />
                ))}
              </ul>
            </div>
          );
        })}
    </section>
  );
}
