/** A snapshot, as `snapshot()` returns it and the admin API lists it. */
export interface SnapshotInfo {
  /** Pass it (or this object) to `restore`. */
  readonly id: string
  /** The table it was taken of; absent for a snapshot of the whole namespace. */
  readonly tableName?: string
  /** The tables it holds. */
  readonly tables: string[]
  /** How many items it holds, over all tables. */
  readonly items: number
  /** When it was taken, ISO 8601 (machine time). */
  readonly createdAt: string
}
