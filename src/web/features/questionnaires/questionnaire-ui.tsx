// Small pieces shared by the questionnaire screens: in-app links and the instrument's attribution.
import { t } from '../../i18n/index.ts';
import { navigate } from '../../router.ts';

/** A link's click handler that moves within the app instead of loading the page. */
export const go = (href: string) => (e: Event) => {
  e.preventDefault();
  navigate(href);
};

/** The instrument's attribution, a small line wherever its questions or results are shown. */
export function Attribution(props: { text: string }) {
  return (
    <p class="hint attribution">
      <strong>{t('q.attribution')}:</strong> {props.text}
    </p>
  );
}
