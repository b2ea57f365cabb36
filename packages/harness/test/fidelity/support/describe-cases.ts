import { afterAll, beforeAll, describe, test } from 'vitest'
import type { FidelityCase } from './fidelity-case.js'
import { runCase } from './run-case.js'
import { emulatorTarget, type Target } from './targets.js'

/**
 * Runs cases against an in-process emulator of this file's own, each case a test, held to
 * DynamoDB Local's answers (or the service's, where a step says so).
 */
export function describeOnEmulator(topic: string, cases: FidelityCase[]): void {
  describe(`${topic}, on the emulator`, () => {
    let target: Target
    beforeAll(async () => {
      target = await emulatorTarget()
    })
    afterAll(() => target?.stop())
    for (const fidelityCase of cases) {
      test(
        fidelityCase.name,
        () => runCase(target.client, fidelityCase, 'emulator'),
        fidelityCase.timeoutMs,
      )
    }
  })
}
