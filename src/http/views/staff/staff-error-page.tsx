// Error pages of the back office.
import { StaffLayout, type StaffFrame } from './staff-layout.tsx';

export function StaffErrorPage(props: { frame: StaffFrame; title: string; text: string }) {
  return (
    <StaffLayout frame={props.frame} title={props.title}>
      <h1 class="kern-heading-large">{props.title}</h1>
      <p class="kern-body">{props.text}</p>
      <p class="kern-body"><a class="kern-link" href="/staff">{props.frame.t.day}</a></p>
    </StaffLayout>
  );
}
