// The patient chart's Questionnaires tab: assign once, on a recurrence or before a visit; see
// completion; review results with the MCID-marked chart.
import { useEffect, useState } from 'preact/hooks';
import type { ApiError, Patient } from '../../api/client.ts';
import { questionnairesApi, type Assignment, type Instrument, type StoredResponse } from '../../api/questionnaires.ts';
import { ErrorMessage } from '../../components/ui.tsx';
import { AssignmentList } from './assignment-list.tsx';
import { AssignQuestionnaire } from './assign-questionnaire.tsx';
import { QuestionnaireResults } from './questionnaire-results.tsx';
import { NotInRole, useMay } from '../clinic/role-permissions.tsx';

export function QuestionnairesPanel(props: { orgId: string; patient: Patient }) {
  const mayAssign = useMay()('assign-questionnaires');
  const pid = props.patient.id;
  const [catalogue, setCatalogue] = useState<{ id: string; shortTitle: string; available: boolean }[] | null>(null);
  const [assignments, setAssignments] = useState<Assignment[] | null>(null);
  const [responses, setResponses] = useState<StoredResponse[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Definitions give each result its band label, title and attribution, and the history chart its scale.
  const [definitions, setDefinitions] = useState<ReadonlyMap<string, Instrument> | null>(null);

  const load = () => {
    questionnairesApi.forPatient(pid).then(
      (r) => setCatalogue(r.items.map((i) => ({ id: i.id, shortTitle: i.shortTitle, available: i.available }))),
      (e: ApiError) => setError(e.message),
    );
    questionnairesApi.assignments(pid).then(
      (r) => setAssignments(r.items),
      (e: ApiError) => setError(e.message),
    );
    questionnairesApi.history(pid).then(
      (r) => setResponses(r.items),
      (e: ApiError) => setError(e.message),
    );
  };
  useEffect(load, [pid]);
  useEffect(() => {
    questionnairesApi.definitions(pid).then(
      (r) => setDefinitions(new Map(r.items.map((d) => [d.id, d]))),
      (e: ApiError) => setError(e.message),
    );
  }, [pid]);

  const titleOf = (id: string) => definitions?.get(id)?.shortTitle ?? catalogue?.find((c) => c.id === id)?.shortTitle ?? id.toUpperCase();
  return (
    <div>
      <ErrorMessage message={error} />
      {mayAssign ? (
        <AssignQuestionnaire pid={pid} timeZone={props.patient.timeZone} catalogue={catalogue} onAssigned={load} />
      ) : (
        <NotInRole permission="assign-questionnaires" />
      )}
      <AssignmentList
        pid={pid}
        timeZone={props.patient.timeZone}
        assignments={assignments}
        onChanged={load}
        onError={setError}
        mayCancel={mayAssign}
      />
      <QuestionnaireResults responses={responses} definitions={definitions} titleOf={titleOf} timeZone={props.patient.timeZone} />
    </div>
  );
}
