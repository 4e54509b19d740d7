{
// Shows the print button on the confirmation page (without script, the page says how to print).
for (const button of document.querySelectorAll('.az-print')) {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}
for (const hint of document.querySelectorAll('.az-print-hint')) hint.hidden = true;
}
