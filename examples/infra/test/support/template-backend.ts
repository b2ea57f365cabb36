import {
  type AuthjsTableNames,
  authjsTranslateConfig,
  type DynamoDBBackend,
} from '@auth-dynamo/conformance/dynamodb'
import { type Emulator, startEmulator, type TableDefinition } from '@auth-dynamo/harness'
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocument } from '@aws-sdk/lib-dynamodb'

interface Started {
  emulator: Emulator
  client: DynamoDBClient
  documentClient: DynamoDBDocument
}

/**
 * A conformance backend whose table is made from a template: an emulator started with exactly
 * the given table definition (CloudFormation properties, TTL included) and nothing else. If the
 * template got the keys, the index, its projection or the TTL wrong, the suite's tests fail.
 *
 * @param name - what the template is, for the report
 * @param definition - the table's properties, intrinsics resolved
 * @param names - the adapter options that match the template's parameters
 */
export function templateBackend(
  name: string,
  definition: TableDefinition,
  names: AuthjsTableNames,
): DynamoDBBackend {
  let started: Started | undefined
  let starting: Promise<Started> | undefined
  const ready = (): Started => {
    if (!started) throw new Error(`${name}: the backend is used before setup() or after teardown()`)
    return started
  }
  return {
    name,
    limitations: {},
    clock: {
      async advance(ms) {
        const { emulator } = ready()
        // The adapter stamps expiry by the wall clock while the emulator's manual clock stands
        // still: move from whichever is later, so "ms from now" means the same to both.
        const from = Math.max(emulator.clock.now().getTime(), Date.now())
        emulator.clock.set(new Date(from + ms))
        await emulator.sweep()
      },
    },
    get client() {
      return ready().client
    },
    get documentClient() {
      return ready().documentClient
    },
    get table() {
      return names
    },
    async setup() {
      starting ??= (async () => {
        const emulator = await startEmulator({
          clock: 'manual',
          ttl: { mode: 'manual' },
          tables: [definition],
        })
        const client = new DynamoDBClient({
          endpoint: emulator.endpoint,
          region: emulator.region,
          credentials: { ...emulator.credentials },
        })
        return {
          emulator,
          client,
          documentClient: DynamoDBDocument.from(client, authjsTranslateConfig),
        }
      })()
      started = await starting
    },
    async teardown() {
      const stopping = started
      started = undefined
      if (!stopping) return
      stopping.client.destroy()
      await stopping.emulator.stop()
    },
  }
}
