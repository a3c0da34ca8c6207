// "What helps, what hurts": each factor's comparison as the what-works endpoint words it, grouped by
// its verdict. Comparisons still short of days are folded away under their count (a diary of a few
// weeks has many, and they say only how many more days each needs) and open from the keyboard like
// any disclosure. A 404 from a server that does not offer the endpoint yet is a calm "not available",
// not an error.
import { useEffect, useState } from 'preact/hooks';
import type { ApiError } from '../../api/client.ts';
import { Empty, LoadFailed, Loading } from '../../components/ui.tsx';
import { t, type MessageKey } from '../../i18n/index.ts';
import { insightsApi, type Verdict, type WhatWorksItem } from './insights-api.ts';
import { factorName, stillNeeded } from './what-works-names.ts';

type State =
  | { kind: 'loading' }
  | { kind: 'loaded'; items: WhatWorksItem[] }
  | { kind: 'unavailable' }
  | { kind: 'failed'; message: string };

const SAID: readonly { verdict: Verdict; key: MessageKey }[] = [
  { verdict: 'lower', key: 'insights.whatWorks.helps' },
  { verdict: 'higher', key: 'insights.whatWorks.hurts' },
  { verdict: 'no-clear-difference', key: 'insights.whatWorks.unclear' },
];

const itemKey = (i: WhatWorksItem) => `${i.factor.kind}:${i.factor.id}:${i.lag}:${i.outcome}`;

function Found(props: { items: WhatWorksItem[] }) {
  return (
    <>
      {SAID.map((g) => {
        const items = props.items.filter((i) => i.verdict === g.verdict);
        if (items.length === 0) return null;
        return (
          <div key={g.verdict} data-testid={`what-works-${g.verdict}`}>
            <h3>{t(g.key)}</h3>
            <ul class="list">
              {items.map((i) => (
                <li key={itemKey(i)}>
                  {/* One flex item, so the name and its sentence read as one line of text. */}
                  <span>
                    <strong>{factorName(i)}</strong>: {i.sentence}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </>
  );
}

function Waiting(props: { items: WhatWorksItem[] }) {
  const items = props.items.filter((i) => i.verdict === 'not-enough-data');
  if (items.length === 0) return null;
  return (
    <details data-testid="what-works-not-enough-data">
      <summary>{t('insights.whatWorks.waiting', { count: items.length })}</summary>
      <ul class="list">
        {items.map((i) => (
          <li key={itemKey(i)}>
            <span>
              <strong>{factorName(i)}</strong>: {stillNeeded(i)}
            </span>
          </li>
        ))}
      </ul>
    </details>
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
      {state.kind === 'loaded' && <Found items={state.items} />}
      {state.kind === 'loaded' && <Waiting items={state.items} />}
    </section>
  );
}
