// Short help that opens in place: a KERN accordion on <details>, which works
// without JavaScript and is announced as a disclosure by screen readers.
export function HelpDetails(props: { summary: string; paragraphs: readonly string[]; id?: string }) {
  if (props.paragraphs.length === 0) return null;
  return (
    <details class="kern-accordion az-help" id={props.id}>
      <summary class="kern-accordion__header">
        <span class="kern-title">{props.summary}</span>
      </summary>
      <div class="kern-accordion__body">
        {props.paragraphs.map((p) => <p class="kern-body">{p}</p>)}
      </div>
    </details>
  );
}
