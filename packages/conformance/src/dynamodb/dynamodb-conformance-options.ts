import type { Adapter } from '@auth/core/adapters'
import type { Capability } from '../capabilities.js'
import type { ConformanceOptions } from '../options.js'
import type { Awaitable } from '../probes.js'
import type { DynamoDBBackend } from './dynamodb-backend.js'
import { dynamodbProbes } from './dynamodb-probes.js'

/** Options of {@link dynamodbConformanceOptions}. */
export interface DynamoDBConformanceOptions
  extends Omit<ConformanceOptions, 'adapter' | 'probes' | 'clock' | 'setup' | 'teardown'> {
  /** Where to run: `emulatorBackend()`, `dynamodbLocalBackend()`, `awsBackend(...)`. */
  backend: DynamoDBBackend
  /**
   * Makes the adapter under test from the backend, once per test (after setup):
   * `(backend) => DynamoDBAdapter(backend.documentClient, backend.table)`.
   */
  adapter: (backend: DynamoDBBackend) => Awaitable<Adapter>
}

/**
 * The options of `runAdapterConformance` for a DynamoDB adapter on a backend: the single-table
 * probes, the backend's clock, setup and teardown, and its limitations turned off (your own
 * `capabilities` still win). The reason for each limitation that ends up off is printed after
 * the report.
 *
 * @example
 * ```ts
 * import { runAdapterConformance } from '@auth-dynamo/conformance'
 * import { dynamodbConformanceOptions, emulatorBackend } from '@auth-dynamo/conformance/dynamodb'
 *
 * runAdapterConformance(
 *   dynamodbConformanceOptions({
 *     name: 'MyAdapter on the emulator',
 *     backend: emulatorBackend(),
 *     adapter: (backend) => MyAdapter(backend.documentClient, backend.table),
 *   }),
 * )
 * ```
 *
 * @param options - the backend, the adapter factory, and any other suite options
 * @returns options ready for `runAdapterConformance`
 */
export function dynamodbConformanceOptions(
  options: DynamoDBConformanceOptions,
): ConformanceOptions {
  const { backend, adapter, capabilities, onReport, ...rest } = options
  const limited = Object.fromEntries(
    Object.keys(backend.limitations).map((capability) => [capability, false]),
  ) as Partial<Record<Capability, boolean>>
  const resolved = { ...limited, ...capabilities }
  return {
    ...rest,
    adapter: () => adapter(backend),
    probes: dynamodbProbes(backend),
    capabilities: resolved,
    ...(backend.clock ? { clock: backend.clock } : {}),
    setup: () => backend.setup(),
    teardown: () => backend.teardown(),
    onReport: async (report) => {
      const off = Object.entries(backend.limitations).filter(
        ([capability]) => resolved[capability as Capability] === false,
      )
      if (off.length > 0) {
        console.log(
          [
            `  capabilities off on ${backend.name}:`,
            ...off.map(([capability, reason]) => `    - ${capability}: ${reason}`),
          ].join('\n'),
        )
      }
      await onReport?.(report)
    },
  }
}
