// The example page's own script (a file, not inline: strict Content-Security-Policy).
// Attribute changes re-render: switch every widget between Vietnamese and English.
const button = document.getElementById('lang');
button.addEventListener('click', () => {
  const en = button.getAttribute('aria-pressed') !== 'true';
  button.setAttribute('aria-pressed', String(en));
  button.textContent = en ? 'Tiếng Việt' : 'English';
  for (const w of document.querySelectorAll('tthc-procedure-list')) w.setAttribute('lang', en ? 'en' : 'vi');
});
