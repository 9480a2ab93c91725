// The plain-JavaScript comparison of bindings/wasm/bench.mjs (see plain.html): fetch the
// catalogue, sort with Intl.Collator('vi'), build every row at once, filter with
// normalize('NFD') + strip marks + includes. Marks `plain-first-rows` like the widget's
// `tthc-first-rows`.
const collator = new Intl.Collator('vi');
const strip = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

const doc = await (await fetch('data/portal-commune-2026.json')).json();
const fieldName = new Map(doc.fields.map((f) => [f.code, f.name]));
const rows = doc.procedures
  .map((p) => ({ ...p, fieldName: fieldName.get(p.field) ?? p.field }))
  .sort((a, b) => collator.compare(a.fieldName, b.fieldName) || collator.compare(a.name, b.name));
const list = document.getElementById('list');
const frag = document.createDocumentFragment();
const items = [];
let ul = null;
let field = null;
for (const r of rows) {
  if (r.field !== field) {
    field = r.field;
    const h = document.createElement('h2');
    h.textContent = r.fieldName;
    ul = document.createElement('ul');
    frag.append(h, ul);
  }
  const li = document.createElement('li');
  li.textContent = `${r.code} ${r.name}`;
  li.dataset.code = r.code;
  ul.append(li);
  items.push({ li, hay: strip(`${r.code} ${r.name} ${r.fieldName}`) });
}
list.replaceChildren(frag);
performance.mark('plain-first-rows');
document.getElementById('q').addEventListener('input', (e) => {
  const words = strip(e.target.value).split(/\s+/).filter(Boolean);
  for (const it of items) {
    const ok = words.every((w) => it.hay.includes(w));
    if (it.li.hidden === ok) it.li.hidden = !ok;
  }
});
