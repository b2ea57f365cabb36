import { afterAll, beforeAll, describe, test } from 'vitest'
import { fidelityCases } from './cases/index.js'
import { runCase } from './support/run-case.js'
import { dynamodbLocalTarget, skipWithoutJava, type Target } from './support/targets.js'

// The emulator's fidelity tests hold it to answers recorded from Amazon DynamoDB Local 3.3.
// This file sends the very same cases to DynamoDB Local and holds it to the same answers (to
// its own where a step says the emulator follows the service instead, and why), so no expected
// answer is the emulator's own invention, and a DynamoDB Local that changes shows up here.
describe.skipIf(skipWithoutJava !== undefined)(
  `every fidelity case, on DynamoDB Local${skipWithoutJava ? ` (${skipWithoutJava})` : ''}`,
  () => {
    let target: Target | undefined
    beforeAll(async () => {
      target = await dynamodbLocalTarget()
    }, 180_000)
    afterAll(() => target?.stop())
    for (const [topic, cases] of Object.entries(fidelityCases)) {
      describe(topic, () => {
        for (const fidelityCase of cases) {
          test(
            fidelityCase.name,
            () => runCase((target as Target).client, fidelityCase, 'dynamodb-local'),
            fidelityCase.timeoutMs ?? 60_000,
          )
        }
      })
    }
  },
)
