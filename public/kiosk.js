// Kiosk answer page: counts down to the return to the empty form (so the next
// person sees nothing of this answer) and lets the citizen keep it on screen
// longer: each press of the button adds a minute (WCAG 2.2.1). Without script
// a meta refresh returns after the same time.
{
  const box = document.querySelector('.az-kiosk__return');
  if (box) {
    let left = Number(box.dataset.returnSeconds) || 20;
    const extend = Number(box.dataset.extendSeconds) || 60;
    const countdown = box.querySelector('.az-kiosk__countdown');
    const button = box.querySelector('.az-kiosk__longer');
    const status = box.querySelector('[role=status]');
    const say = () => {
      if (countdown) countdown.textContent = left === 1 ? box.dataset.hintOne : box.dataset.hint.replace('{s}', String(left));
    };
    if (button) {
      button.parentElement.hidden = false;
      button.addEventListener('click', () => {
        left += extend;
        say();
        if (status) status.textContent = box.dataset.kept.replace('{s}', String(left));
      });
    }
    setInterval(() => {
      left -= 1;
      if (left <= 0) window.location.replace(box.dataset.home);
      else say();
    }, 1000);
  }
}
