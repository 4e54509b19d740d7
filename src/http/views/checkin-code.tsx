// The kiosk check-in code on the confirmation and manage pages: the QR code
// with the booking reference (src/mail/checkin-code.ts) as inline SVG, named
// for screen readers, with the reference in words and what to do with it.
// Black on white in every theme and on paper (public/print.css keeps its size).
import { checkinCodeSvgPath } from '../../mail/checkin-code.ts';
import type { Texts } from './texts.ts';

export function CheckinCode(props: { t: Texts; reference: string }) {
  const { t, reference } = props;
  const { size, path } = checkinCodeSvgPath(reference);
  return (
    <section class="az-checkin" aria-labelledby="einchecken">
      <h2 class="kern-heading-small" id="einchecken">{t.checkin.heading}</h2>
      <div class="az-checkin__body">
        <svg
          class="az-checkin__code"
          xmlns="http://www.w3.org/2000/svg"
          viewBox={`0 0 ${size} ${size}`}
          width="192"
          height="192"
          shape-rendering="crispEdges"
          role="img"
          aria-label={t.checkin.label(reference)}
        >
          <rect width={size} height={size} fill="#ffffff" />
          <path d={path} fill="#000000" />
        </svg>
        <div>
          <p class="kern-body"><strong class="az-reference">{t.checkin.reference(reference)}</strong></p>
          <p class="kern-body">{t.checkin.hint}</p>
        </div>
      </div>
    </section>
  );
}
