import { startDynamoDBLocal } from '@auth-dynamo/conformance/dynamodb'
import { startEmulator } from '@auth-dynamo/harness'
import type { Target, Targets } from './target.js'

/** Running backends for a run, and how to stop the ones this run started. */
export interface RunningTargets {
  targets: Targets
  stop(): Promise<void>
}

/** Environment variables that point the run at backends that are already running. */
export const endpointVariables = {
  emulator: 'DIFFERENTIAL_EMULATOR_ENDPOINT',
  local: 'DIFFERENTIAL_LOCAL_ENDPOINT',
} as const

/**
 * The backends named by {@link endpointVariables} in `env`, by side; a side whose variable is
 * unset or empty is left out (the run starts one).
 *
 * @throws when a variable holds something that is not an http(s) URL
 */
export function targetsFromEnv(env: NodeJS.ProcessEnv): Partial<Targets> {
  const found: Partial<Targets> = {}
  for (const side of ['emulator', 'local'] as const) {
    const value = env[endpointVariables[side]]
    if (!value) continue
    let url: URL
    try {
      url = new URL(value)
    } catch {
      throw new Error(
        `${endpointVariables[side]} must be an http(s) URL such as http://127.0.0.1:8000, got ${JSON.stringify(value)}`,
      )
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new Error(
        `${endpointVariables[side]} must be an http(s) URL such as http://127.0.0.1:8000, got ${JSON.stringify(value)}`,
      )
    }
    found[side] = {
      name: side,
      endpoint: url.origin,
      region: 'us-east-1',
      // DynamoDB Local (2.0 and later) takes only letters and digits here.
      credentials: { accessKeyId: 'differential', secretAccessKey: 'differential' },
    }
  }
  return found
}

/**
 * Starts what the run needs: our emulator (in process, manual clock, no tables) and Amazon
 * DynamoDB Local, each unless the environment names a running one ({@link endpointVariables}).
 */
export async function startTargets(env: NodeJS.ProcessEnv = process.env): Promise<RunningTargets> {
  const given = targetsFromEnv(env)
  const stops: Array<() => Promise<void>> = []
  const stopAll = async () => {
    await Promise.allSettled(stops.map((stop) => stop()))
  }
  // allSettled, not all: when one fails to start, the other must have started (or failed)
  // before it is stopped, or its process would outlive the run.
  const [emulator, local] = await Promise.allSettled([
    given.emulator ??
      startEmulator({ port: 0, clock: 'manual', ttl: { mode: 'manual' }, tables: [] }).then(
        (running): Target => {
          stops.push(() => running.stop())
          return {
            name: 'emulator',
            endpoint: running.endpoint,
            region: running.region,
            credentials: running.credentials,
          }
        },
      ),
    given.local ??
      startDynamoDBLocal().then((running): Target => {
        stops.push(() => running.stop())
        return {
          name: 'local',
          endpoint: running.endpoint,
          region: running.region,
          credentials: running.credentials,
        }
      }),
  ])
  if (emulator.status === 'rejected' || local.status === 'rejected') {
    await stopAll()
    throw emulator.status === 'rejected' ? emulator.reason : (local as PromiseRejectedResult).reason
  }
  return { targets: { emulator: emulator.value, local: local.value }, stop: stopAll }
}
