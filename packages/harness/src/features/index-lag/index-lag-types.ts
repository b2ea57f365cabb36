/**
 * How long index writes wait before they show: one number for every table of a namespace, or
 * milliseconds by table name.
 */
export type IndexLagOption = number | Record<string, number>

/** What `indexLag.status()` and `GET .../index-lag` report. */
export interface IndexLagStatus {
  /** Lag of tables not named in `tables`, in ms. */
  defaultMs: number
  /** Lag by table name, in ms, where it differs from the default. */
  tables: Record<string, number>
  /** Index writes waiting to show, over all tables. */
  pending: number
}
