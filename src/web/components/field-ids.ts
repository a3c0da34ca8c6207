// One counter for the ids of every labelled control, so that ids stay unique across the page (a
// label, hint or error points at its control by id).
let fieldCounter = 0;

export function nextFieldNumber(): number {
  return ++fieldCounter;
}
