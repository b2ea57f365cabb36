import type { TranslateConfig } from '@aws-sdk/lib-dynamodb'
import type { DynamoDBBackend } from './dynamodb-backend.js'
import { authjsTranslateConfig, lazyBackend } from './lazy-backend.js'
import { importOptionalPeer } from './optional-peer.js'
import { type AuthjsTableOptions, resolveTableNames } from './table-names.js'

type Harness = typeof import('@auth-dynamo/harness')
type Emulator = Awaited<ReturnType<Harness['startEmulator']>>

/** Options of {@link emulatorBackend}. */
export interface EmulatorBackendOptions {
  /**
   * Table, key and index names; `tableName` is a prefix, made unique per backend.
   *
   * @defaultValue the adapter defaults (`next-auth`, `pk`, `sk`, `GSI1`, `GSI1PK`, `GSI1SK`)
   */
  table?: AuthjsTableOptions
  /**
   * Marshall options of the backend's `documentClient`.
   *
   * @defaultValue {@link authjsTranslateConfig}, the options the Auth.js docs give
   */
  translateConfig?: TranslateConfig
}

/**
 * The `@auth-dynamo/harness` emulator as a backend: one in-process emulator on a free port,
 * with a manual clock and TTL that sweeps only when told. Its `clock.advance(ms)` moves the
 * emulator clock (never behind the wall clock, which the adapter measures expiry by) and sweeps,
 * so the expiry-deletion tests run in milliseconds. Needs the optional peer dependency
 * `@auth-dynamo/harness`.
 *
 * @param options - names and marshall options
 * @throws {@link DynamoDBConformanceError} `DYNAMODB_INVALID_OPTIONS` for bad names (at once);
 *   from `setup()`, `DYNAMODB_PEER_MISSING` when the harness is not installed
 */
export function emulatorBackend(options: EmulatorBackendOptions = {}): DynamoDBBackend {
  const names = resolveTableNames(options.table)
  let emulator: Emulator | undefined
  return lazyBackend({
    name: 'emulator',
    translateConfig: options.translateConfig ?? authjsTranslateConfig,
    clock: {
      async advance(ms) {
        if (!emulator) throw new Error('the emulator backend clock was used before setup()')
        // The manual clock stands still while tests run on the wall clock, which is what the
        // adapter stamps expiry with: move from whichever is later.
        const from = Math.max(emulator.clock.now().getTime(), Date.now())
        emulator.clock.set(new Date(from + ms))
        await emulator.sweep()
      },
    },
    async start() {
      const { startEmulator } = await importOptionalPeer<Harness>(
        '@auth-dynamo/harness',
        'The emulator backend',
      )
      const started = await startEmulator({ clock: 'manual', ttl: { mode: 'manual' }, tables: [] })
      emulator = started
      return {
        clientConfig: {
          endpoint: started.endpoint,
          region: started.region,
          credentials: started.credentials,
        },
        stop: () => started.stop(),
      }
    },
    async prepareTable() {
      if (!emulator) throw new Error('the emulator backend made its table before it started')
      const { tableName } = await emulator.createAuthjsTable(names)
      return { table: { ...names, tableName }, drop: async () => {} }
    },
  })
}
