// The diary's search box and filter, over the check-ins already loaded.
import { SelectField } from '../../components/fields.tsx';
import { painBandRange } from '../../../domain/diary/pain-band.ts';
import { formatNumber, t } from '../../i18n/index.ts';
import { DIARY_FILTERS, type DiaryFilter, type DiaryQuery } from './diary-filter.ts';

function filterLabel(filter: DiaryFilter): string {
  if (filter === 'all' || filter === 'with-medicines' || filter === 'with-notes') return t(`diary.filter.${filter}`);
  // The numbers come from the one definition of the bands, so the filter cannot disagree with the charts.
  const range = painBandRange(filter);
  return t(`diary.filter.${filter}`, { from: formatNumber(range.from), to: formatNumber(range.to) });
}

export function DiaryFind(props: { query: DiaryQuery; onQuery: (query: DiaryQuery) => void }) {
  const { query, onQuery } = props;
  return (
    <form role="search" aria-label={t('diary.find')} class="row diary-find" onSubmit={(e) => e.preventDefault()}>
      <div class="field">
        <label for="diary-search">{t('diary.search')}</label>
        <input
          id="diary-search"
          name="diarySearch"
          type="search"
          value={query.search}
          onInput={(e) => onQuery({ ...query, search: (e.currentTarget as HTMLInputElement).value })}
        />
      </div>
      <SelectField
        label={t('diary.filter')}
        name="diaryFilter"
        value={query.filter}
        options={DIARY_FILTERS.map((f) => ({ value: f, label: filterLabel(f) }))}
        onChange={(filter) => onQuery({ ...query, filter })}
      />
    </form>
  );
}
