// The chart's Plan tab: conditions (chronicity shown as the onset is typed), the versioned care plan
// (functional goals, interventions by modality; each save a new version with If-Match, a 409 shows the
// newer version and lets the clinician re-apply), goals' measure sources and paced activities with the
// progress they show today, the version history, procedures (with follow-up questionnaires) and
// conservative care.
import { useEffect, useState } from 'preact/hooks';
import { api, type Member, type Patient } from '../../api/client.ts';
import { CarePlanEditor } from './care-plan-editor.tsx';
import { Conditions } from './conditions.tsx';
import { ConservativeCare } from './conservative-care.tsx';
import { Procedures } from './procedures.tsx';

export function PlanPanel(props: { orgId: string; patient: Patient }) {
  const [members, setMembers] = useState<Member[]>([]);
  useEffect(() => {
    api.members(props.orgId).then(setMembers, () => setMembers([]));
  }, [props.orgId]);
  return (
    <div>
      <Conditions patient={props.patient} />
      <CarePlanEditor patient={props.patient} members={members} />
      <Procedures patient={props.patient} />
      <ConservativeCare patient={props.patient} />
    </div>
  );
}
