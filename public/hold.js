// Contact and review pages: counts the held time down and warns shortly before
// it runs out (the "keep this time longer" button is a plain form already).
{
  const box = document.querySelector('.az-hold');
  const warning = box && box.querySelector('.az-hold__warning');
  if (box && warning) {
    const de = document.documentElement.lang !== 'en';
    const ends = Date.now() + Number(box.dataset.remaining || 0) * 1000;
    let said = '';
    const tick = () => {
      const left = Math.max(0, Math.round((ends - Date.now()) / 60000));
      let text = '';
      if (ends <= Date.now()) {
        text = de
          ? 'Die Reservierung ist abgelaufen. Sie können trotzdem buchen, solange die Zeit frei ist, oder sie jetzt verlängern.'
          : 'The reservation has run out. You can still book while the time is free, or keep it longer now.';
      } else if (left <= 2) {
        text = de
          ? `Ihre Reservierung läuft in ${left <= 1 ? 'einer Minute' : `${left} Minuten`} ab. Verlängern Sie sie, wenn Sie mehr Zeit brauchen.`
          : `Your reservation runs out in ${left <= 1 ? 'a minute' : `${left} minutes`}. Keep it longer if you need more time.`;
      }
      if (text !== said) {
        warning.textContent = text;
        warning.classList.toggle('az-hold__warning--on', text !== '');
        said = text;
      }
    };
    tick();
    setInterval(tick, 10000);
  }
}
