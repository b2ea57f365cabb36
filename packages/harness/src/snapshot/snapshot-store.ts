import { randomBytes } from 'node:crypto'
import { EmulatorError } from '../errors/emulator-error.js'
import type { RawTableData } from './raw-table-data.js'
import type { SnapshotInfo } from './snapshot-types.js'

export type { SnapshotInfo }

/** One table in a snapshot: its stored data and TTL setting. */
export interface SnapshotTable {
  readonly data: RawTableData
  readonly ttlAttribute: string | undefined
}

/** A snapshot with its data. */
export interface StoredSnapshot {
  readonly info: SnapshotInfo
  readonly tables: readonly SnapshotTable[]
}

// Snapshots are copies of a namespace's data in memory; this bounds how many a test suite can
// pile up (take one in beforeAll and restore it in beforeEach, rather than one per test).
export const maxSnapshots = 20

/** The snapshots of one namespace, kept until deleted or the namespace goes. */
export class SnapshotStore {
  readonly #snapshots = new Map<string, StoredSnapshot>()

  /**
   * Keeps a snapshot.
   * @throws {@link EmulatorError} `INVALID_STATE` past {@link maxSnapshots}
   */
  add(tables: SnapshotTable[], tableName: string | undefined): SnapshotInfo {
    if (this.#snapshots.size >= maxSnapshots) {
      throw new EmulatorError(
        'INVALID_STATE',
        `This namespace already holds ${maxSnapshots} snapshots: delete the ones you no longer need (deleteSnapshot(id)), or take one in beforeAll and restore it in beforeEach`,
      )
    }
    const info: SnapshotInfo = {
      id: `snapshot-${randomBytes(6).toString('hex')}`,
      ...(tableName === undefined ? {} : { tableName }),
      tables: tables.map((table) => table.data.tableName),
      items: tables.reduce((sum, table) => sum + table.data.items.length, 0),
      createdAt: new Date().toISOString(),
    }
    this.#snapshots.set(info.id, { info, tables })
    return info
  }

  /**
   * A snapshot by id.
   * @throws {@link EmulatorError} `INVALID_STATE` naming the snapshots there are
   */
  get(id: string): StoredSnapshot {
    const snapshot = this.#snapshots.get(id)
    if (!snapshot) {
      const ids = [...this.#snapshots.keys()]
      throw new EmulatorError(
        'INVALID_STATE',
        `No snapshot ${id} in this namespace (it was deleted, or taken in another namespace). Snapshots: ${ids.length > 0 ? ids.join(', ') : 'none'}`,
      )
    }
    return snapshot
  }

  list(): SnapshotInfo[] {
    return [...this.#snapshots.values()].map((snapshot) => snapshot.info)
  }

  delete(id: string): boolean {
    return this.#snapshots.delete(id)
  }
}
