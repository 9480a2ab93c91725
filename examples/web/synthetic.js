// The benchmark's synthetic catalogues (bindings/wasm/bench.mjs writes them as files for
// bench.html): n procedures made from the real names of `base`, repeated with a number, and
// one unit that posted four in five of them.

/**
 * The 588 real names labelled "Cấp xã" in 2026: the example page's derived list (`portal`,
 * data/portal-commune-2026.json) and the procedures it leaves out (`leftOut`,
 * data/portal-commune-2026-left-out.json, which have no field: one is given in turn).
 */
export function portalNames(portal, leftOut) {
  const fields = portal.fields;
  const extra = leftOut.procedures.map((p, i) => ({ name: p.name, field: fields[i % fields.length].code }));
  return { fields, procedures: [...portal.procedures, ...extra] };
}

/** A catalogue document (JSON v1) of n procedures. */
export function syntheticCatalogue(n, base) {
  const procedures = [];
  for (let i = 0; i < n; i += 1) {
    const p = base.procedures[i % base.procedures.length];
    const round = Math.floor(i / base.procedures.length);
    procedures.push({
      code: `${1 + (i % 9)}.${String(100000 + i).padStart(6, '0')}`,
      name: round ? `${p.name} (mẫu ${round})` : p.name,
      field: p.field,
      levels: ['commune'],
    });
  }
  const posted = procedures.filter((_, i) => i % 5 !== 0).map((p) => p.code);
  return {
    tthc: 1,
    title: `Synthetic catalogue of ${n} procedures`,
    as_of: '2026-03-01',
    fields: base.fields,
    procedures,
    units: [{ code: '99999', name: 'Xã Mẫu (bench)', level: 'commune', published: { one_stop_shop: posted } }],
  };
}
