// The undo of a no-show in the day view, on the appointment's day: one button
// that sends the counter's status form (`status=booked`) and comes back to the
// day (`zurueck=tag`). Works without script; the day view's refresh leaves a
// form alone while it is in use.
import type { StaffFrame } from './staff-layout.tsx';
import { counterTexts } from './counter-texts.ts';

export function UndoNoShow(props: { frame: StaffFrame; reference: string; name: string | null }) {
  const c = counterTexts(props.frame.locale);
  return (
    <form method="post" action={`/staff/termin/${encodeURIComponent(props.reference)}/status`} class="az-undo-no-show">
      <input type="hidden" name="_csrf" value={props.frame.csrf} />
      <input type="hidden" name="status" value="booked" />
      <input type="hidden" name="zurueck" value="tag" />
      <button type="submit" class="kern-btn kern-btn--tertiary" aria-label={c.undoNoShowFor(props.name ?? props.reference)}>
        <span class="kern-label">{c.undoShort}</span>
      </button>
    </form>
  );
}
