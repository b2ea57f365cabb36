import type { ConformanceClock } from '../clock.js'
import type { ConformanceProbes } from '../probes.js'
import { type CompleteAdapter, MemoryAdapter } from './memory-adapter.js'
import { memoryProbes } from './memory-probes.js'
import { MemoryStore } from './memory-store.js'

/** The reference adapter with everything the conformance suite needs to test it. */
export interface MemoryBackend {
  /** Returns the adapter over {@link MemoryBackend.store} (the same instance on every call). */
  readonly adapter: () => CompleteAdapter
  /** Probes that read {@link MemoryBackend.store} directly. */
  readonly probes: Required<ConformanceProbes>
  /** Advances the store's clock, deleting what expired (as a TTL would). */
  readonly clock: ConformanceClock
  /** The raw records. */
  readonly store: MemoryStore
}

/**
 * A fresh, empty in-memory store with the reference adapter, its probes and its clock, in the
 * shape `runAdapterConformance` takes:
 *
 * ```ts
 * runAdapterConformance({ name: 'memory', ...createMemoryBackend() })
 * ```
 */
export function createMemoryBackend(): MemoryBackend {
  const store = new MemoryStore()
  const adapter = MemoryAdapter(store)
  return {
    adapter: () => adapter,
    probes: memoryProbes(store),
    clock: { advance: (ms) => void store.advance(ms) },
    store,
  }
}
