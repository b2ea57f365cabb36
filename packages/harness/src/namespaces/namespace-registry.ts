import { randomBytes } from 'node:crypto'
import { type ClockMode, createClock } from '../clock/emulator-clock.js'
import type { OperationRouter } from '../dispatch/operation-router.js'
import { DynaliteEngine } from '../engine/dynalite-engine.js'
import { EmulatorError } from '../errors/emulator-error.js'
// peers (issue 11)
import { checkIndexLagOption, type IndexLagOption } from '../features/index-lag/index-lag.js'
import { readSeed, type SeedEntry, type SeedOption } from '../seed/seed-data.js'
import type { TableDefinition } from '../tables/table-definition.js'
import { TtlRegistry } from '../ttl/ttl-registry.js'
import { Namespace } from './namespace.js'

/** The id of the namespace that holds the tables created at start. */
export const defaultNamespaceId = 'default'

/** Access keys of namespaces start with this, then the namespace's id. */
export const namespaceKeyPrefix = 'ns-'

// Each namespace is a store in memory; this bounds what a runaway test suite can pile up.
export const maxNamespaces = 1000

/** Options of a new namespace. */
export interface NamespaceOptions {
  /**
   * Tables created in the namespace now and on its reset.
   * @defaultValue the emulator's configured tables (the Auth.js table unless told otherwise)
   */
  tables?: TableDefinition[]
  /** @defaultValue the emulator's clock mode */
  clock?: ClockMode
  // peers (issue 11)
  /**
   * Items loaded now and on reset: a JSON file's path, or `{ tableName: items }` (plain or
   * DynamoDB JSON), or several.
   * @defaultValue the emulator's `seed` when the namespace has the emulator's tables; none otherwise
   */
  seed?: SeedOption
  /**
   * Milliseconds global index writes take to show: one number for every table, or by table name.
   * @defaultValue the emulator's `indexLag`
   */
  indexLag?: IndexLagOption
}

/** How new namespaces are made. */
export interface NamespaceDefaults {
  tables: readonly TableDefinition[]
  clock: ClockMode
  router: OperationRouter
  ttlLagMs: number
  // peers (issue 11)
  seed?: readonly SeedEntry[]
  indexLag?: IndexLagOption
}

/**
 * Every namespace of an emulator, and which one a request belongs to: a request signed with a
 * namespace's access key (`ns-<id>`, or `ns-<id>.<anything>` for several principals in one
 * namespace) lands in it; any other key lands in the default namespace, as DynamoDB Local's
 * `-sharedDb` does.
 */
export class NamespaceRegistry {
  readonly default: Namespace
  readonly #namespaces = new Map<string, Namespace>()
  readonly #defaults: NamespaceDefaults

  constructor(defaultNamespace: Namespace, defaults: NamespaceDefaults) {
    this.default = defaultNamespace
    this.#defaults = defaults
  }

  /** The namespace `accessKeyId` belongs to, or undefined for a namespace key that was deleted. */
  forAccessKey(accessKeyId: string): Namespace | undefined {
    const id = namespaceIdOf(accessKeyId)
    return id === undefined ? this.default : this.#namespaces.get(id)
  }

  /** A namespace by id (`default` included). */
  get(id: string): Namespace | undefined {
    return id === defaultNamespaceId ? this.default : this.#namespaces.get(id)
  }

  /** Every namespace but the default one. */
  list(): Namespace[] {
    return [...this.#namespaces.values()]
  }

  /**
   * Makes a namespace with its seed tables.
   * @throws {@link EmulatorError} `INVALID_STATE` past {@link maxNamespaces}, `TABLE_SETUP_FAILED`
   *   when a seed table is rejected, `INVALID_OPTIONS` for a bad `indexLag` or seed (naming the
   *   file, table, item and attribute)
   */
  async create(options: NamespaceOptions = {}): Promise<Namespace> {
    if (this.#namespaces.size >= maxNamespaces) {
      throw new EmulatorError(
        'INVALID_STATE',
        `This emulator already holds ${maxNamespaces} namespaces: dispose of the ones you no longer need (DELETE /_emulator/namespaces/:id)`,
      )
    }
    // peers (issue 11): options are checked and seed files read before anything is made
    if (options.indexLag !== undefined) checkIndexLagOption(options.indexLag)
    const seed =
      options.seed !== undefined
        ? await readSeed(options.seed)
        : options.tables === undefined
          ? this.#defaults.seed
          : []
    const id = randomBytes(6).toString('hex')
    const namespace = new Namespace({
      id,
      accessKeyId: `${namespaceKeyPrefix}${id}`,
      clock: createClock(options.clock ?? this.#defaults.clock),
      engine: DynaliteEngine.open(),
      ttl: TtlRegistry.open(),
      definitions: options.tables ?? this.#defaults.tables,
      router: this.#defaults.router,
      ttlLagMs: this.#defaults.ttlLagMs,
      // peers (issue 11)
      seed,
      indexLag: options.indexLag ?? this.#defaults.indexLag,
    })
    this.#namespaces.set(id, namespace)
    try {
      await namespace.createSeedTables()
    } catch (error) {
      this.#namespaces.delete(id)
      await namespace.close()
      throw error
    }
    return namespace
  }

  /** Deletes a namespace and everything in it; false when there is none of that id. */
  async delete(id: string): Promise<boolean> {
    const namespace = this.#namespaces.get(id)
    if (!namespace) return false
    this.#namespaces.delete(id)
    await namespace.close()
    return true
  }

  /** Closes every namespace, the default one last. */
  async closeAll(): Promise<void> {
    const namespaces = [...this.#namespaces.values()]
    this.#namespaces.clear()
    await Promise.all(namespaces.map((namespace) => namespace.close()))
    await this.default.close()
  }
}

/** The namespace id an access key names, or undefined for a key of the default namespace. */
export function namespaceIdOf(accessKeyId: string): string | undefined {
  if (!accessKeyId.startsWith(namespaceKeyPrefix)) return undefined
  const rest = accessKeyId.slice(namespaceKeyPrefix.length)
  const dot = rest.indexOf('.')
  return dot === -1 ? rest : rest.slice(0, dot)
}
