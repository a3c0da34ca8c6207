// A patient's questionnaire assignments with completion and what is next due; cancelling offers Undo.
import { useState } from 'preact/hooks';
import type { ApiError } from '../../api/client.ts';
import { questionnairesApi, type Assignment } from '../../api/questionnaires.ts';
import { Empty, Loading, showToast } from '../../components/ui.tsx';
import { formatDateTime, t } from '../../i18n/index.ts';
import { assignmentCompletion } from './questionnaire-format.ts';

/** "none due yet" until an occurrence falls due (a new assignment read "0 of 0 completed"), then "completed 1 of 2 due so far". */
function completionText(a: Assignment): string {
  const { done, total } = assignmentCompletion(a.due, new Date().toISOString());
  return total === 0 ? t('q.assign.noneDueYet') : t('q.assign.completion', { done, total });
}

export function AssignmentList(props: {
  pid: string;
  timeZone: string;
  assignments: Assignment[] | null;
  /** False where the member's role may not assign (nor so cancel) questionnaires. */
  mayCancel?: boolean;
  /** After a cancel went through: the lists load again. */
  onChanged: () => void;
  onError: (message: string) => void;
}) {
  const { pid, assignments } = props;
  // Cancelling can be undone: the assignment leaves the list at once, and nothing is sent while the
  // toast offers Undo (it keeps it while it has focus or the pointer).
  const [hidden, setHidden] = useState<readonly string[]>([]);
  function cancel(a: Assignment) {
    setHidden((h) => [...h, a.id]);
    showToast(t('q.assign.cancelled', { title: a.title }), {
      onUndo: () => setHidden((h) => h.filter((x) => x !== a.id)),
      onCommit: () => {
        questionnairesApi.cancelAssignment(pid, a.id).then(props.onChanged, (err: ApiError) => {
          setHidden((h) => h.filter((x) => x !== a.id));
          props.onError(err.message);
        });
      },
      focusAfter: (undone) => document.getElementById(undone ? `cancel-${a.id}` : 'assigned-heading'),
    });
  }
  return (
    <section class="card" aria-labelledby="assigned-heading">
      <h2 id="assigned-heading" tabIndex={-1}>
        {t('q.assign.list')}
      </h2>
      {assignments === null ? (
        <Loading />
      ) : assignments.filter((a) => a.cancelledAt === null && !hidden.includes(a.id)).length === 0 ? (
        <Empty>{t('q.assign.none')}</Empty>
      ) : (
        <ul class="list" aria-label={t('q.assign.list')}>
          {assignments
            .filter((a) => a.cancelledAt === null && !hidden.includes(a.id))
            .map((a) => (
              <li key={a.id}>
                <span>
                  <strong>{a.title}</strong> — {completionText(a)}
                  {' · '}
                  {a.nextDueAt
                    ? t('q.assign.next', { date: formatDateTime(a.nextDueAt, props.timeZone, { showZone: true }) })
                    : t('q.assign.finished')}
                  {a.due.some((d) => d.status === 'overdue') && (
                    <>
                      {' '}
                      · <strong>{t('q.overdue')}</strong>
                    </>
                  )}
                </span>
                {props.mayCancel !== false && (
                  <button type="button" id={`cancel-${a.id}`} class="button secondary" onClick={() => cancel(a)}>
                    {t('q.assign.cancel', { title: a.title })}
                  </button>
                )}
              </li>
            ))}
        </ul>
      )}
    </section>
  );
}
