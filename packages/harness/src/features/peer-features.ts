import type { EmulatorNamespace } from '../namespaces/emulator-namespace.js'
import type { Namespace } from '../namespaces/namespace.js'
import { readSeed } from '../seed/seed-data.js'

/** The members of a namespace handle for faults, index lag, seed data and snapshots (issue 11). */
export type PeerFeatures = Pick<
  EmulatorNamespace,
  'faults' | 'indexLag' | 'seed' | 'snapshot' | 'restore' | 'deleteSnapshot' | 'truncate'
>

/** Builds the issue 11 members of `namespace`'s handle. */
export function peerFeaturesOf(namespace: Namespace): PeerFeatures {
  const { faults, indexLag } = namespace
  return {
    faults: {
      add: (rule) => faults.add(rule),
      list: () => faults.list(),
      remove: (id) => faults.remove(id),
      clear: () => faults.clear(),
    },
    indexLag: {
      set: (lagMs, options = {}) => indexLag.set(lagMs, options),
      status: () => indexLag.status(),
      flush: (options = {}) => indexLag.flush(options.tableName),
    },
    seed: async (seed) => ({ written: await namespace.seedItems(await readSeed(seed)) }),
    snapshot: (options) => namespace.snapshot(options),
    restore: (snapshot) => namespace.restore(snapshot),
    deleteSnapshot: (snapshot) =>
      namespace.deleteSnapshot(typeof snapshot === 'string' ? snapshot : snapshot.id),
    truncate: (options) => namespace.truncate(options),
  }
}
