// The chart's tabs, following the WAI-ARIA tabs pattern.
import { t } from '../../i18n/index.ts';

export function ChartTabs<Id extends string>(props: { tabs: readonly { id: Id; label: string }[]; tab: Id; onSelect: (id: Id) => void }) {
  const { tabs, tab } = props;
  const selectTab = props.onSelect;
  return (
    <div class="segmented" role="tablist" aria-label={t('clinic.chart.tabs')}>
      {tabs.map((x, i) => (
        <button
          key={x.id}
          id={`tab-${x.id}`}
          type="button"
          role="tab"
          aria-selected={tab === x.id}
          aria-controls={`panel-${x.id}`}
          class={tab === x.id ? 'button' : 'button secondary'}
          tabIndex={tab === x.id ? 0 : -1}
          onClick={() => selectTab(x.id)}
          onKeyDown={(e) => {
            // WAI-ARIA tabs: arrows move between tabs (and select them), Home and End go to the ends.
            const to =
              e.key === 'ArrowRight'
                ? (i + 1) % tabs.length
                : e.key === 'ArrowLeft'
                  ? (i - 1 + tabs.length) % tabs.length
                  : e.key === 'Home'
                    ? 0
                    : e.key === 'End'
                      ? tabs.length - 1
                      : null;
            if (to === null) return;
            e.preventDefault();
            selectTab(tabs[to]!.id);
            document.getElementById(`tab-${tabs[to]!.id}`)?.focus();
          }}
        >
          {x.label}
        </button>
      ))}
    </div>
  );
}
