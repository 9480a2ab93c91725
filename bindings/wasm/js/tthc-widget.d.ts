/** `<tthc-procedure-list>`: a unit's or a level's administrative procedures (see README). */
export declare class TthcProcedureList extends HTMLElement {
  static readonly observedAttributes: string[];
  /** Resolves when the render started by the last attribute change has finished. */
  ready: Promise<void>;
  /**
   * Milliseconds of the last render: `load` fetching and reading the catalogue, `prepare`
   * waiting for the core's list order (computed in slices of a few milliseconds, once per
   * catalogue), `list` the core's list (as columns) and unit figures, `firstRows` (= `dom`)
   * building the header, controls and first window of rows, `index` waiting for the core's
   * search index (in slices, once per catalogue), `jsonLd` the schema.org JSON-LD, `total`
   * prepare + list + index + firstRows.
   */
  timings: {
    load: number; prepare: number; list: number; firstRows: number; dom: number; index: number; jsonLd: number; total: number;
  } | null;
}

/** Load the WebAssembly module next to this file (done on first use). */
export declare function ready(): Promise<unknown>;

/**
 * Register the element. Done when the module loads; call it yourself when a bundler drops
 * modules without used exports, or to register another tag name.
 */
export declare function define(name?: string): void;

declare global {
  interface HTMLElementTagNameMap {
    "tthc-procedure-list": TthcProcedureList;
  }
  interface HTMLElementEventMap {
    "tthc-render": CustomEvent<{ rows: number; timings: TthcProcedureList["timings"] }>;
    "tthc-error": CustomEvent<Error>;
    /** The header, controls and first screen of rows are in the page (`at`: performance.now()). */
    "tthc-first-rows": CustomEvent<{ rows: number; at: number }>;
  }
}
