{
// Step 1: shows the total duration while concerns and quantities are chosen.
const form = document.getElementById('anliegen-form');
const total = document.getElementById('gesamtdauer');
if (form && total) {
  const de = document.documentElement.lang !== 'en';
  const update = () => {
    let minutes = 0;
    for (const item of form.querySelectorAll('.az-concern')) {
      const per = Number(item.dataset.minutes || 0);
      const select = item.querySelector('select');
      const box = item.querySelector('input[type=checkbox]');
      const n = select ? Number(select.value) : box && box.checked ? 1 : 0;
      minutes += per * n;
    }
    total.textContent = minutes > 0
      ? (de ? `Voraussichtliche Dauer insgesamt: ${minutes} Minuten` : `Expected total duration: ${minutes} minutes`)
      : '';
  };
  form.addEventListener('change', update);
}
}
