/** `<tthc-procedure-list>`: a unit's or a level's administrative procedures (see README). */
export declare class TthcProcedureList extends HTMLElement {
  static readonly observedAttributes: string[];
  /** Resolves when the render started by the last attribute change has finished. */
  ready: Promise<void>;
  /**
   * Milliseconds spent in the last render: `load` fetching and reading the catalogue, `list`
   * the core's list and unit figures, `firstRows` building the header, controls and first
   * screen of rows, `dom` building every element (first screen and the later slices), `index`
   * the core's search index (built once per catalogue), `jsonLd` the schema.org JSON-LD,
   * `total` list + index + dom.
   */
  timings: {
    load: number; list: number; firstRows: number; dom: number; index: number; jsonLd: number; total: number;
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
