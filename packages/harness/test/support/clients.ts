import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocument } from '@aws-sdk/lib-dynamodb'
import type { Emulator } from '../../src/index.js'

/** A real SDK client talking to the emulator over HTTP. */
export function clientFor(emulator: Emulator): DynamoDBClient {
  return new DynamoDBClient({
    endpoint: emulator.endpoint,
    region: emulator.region,
    credentials: emulator.credentials,
    maxAttempts: 1,
  })
}

/** A document client over {@link clientFor}. */
export function documentClientFor(emulator: Emulator): DynamoDBDocument {
  return DynamoDBDocument.from(clientFor(emulator))
}

/** Epoch seconds of the emulator's clock, plus an offset. */
export function epochSeconds(emulator: Emulator, offsetSeconds = 0): number {
  return Math.floor(emulator.clock.now().getTime() / 1000) + offsetSeconds
}
