import { isDeepStrictEqual } from 'node:util'
import type { StepRecord } from './run-case.js'

/** One step whose answers differ; `undefined` where a backend's run stopped earlier. */
export interface Difference {
  step: string
  local: StepRecord['outcome'] | undefined
  emulator: StepRecord['outcome'] | undefined
}

/** The steps whose normalised answers differ between the two backends, in step order. */
export function compareRuns(local: StepRecord[], emulator: StepRecord[]): Difference[] {
  const differences: Difference[] = []
  for (let index = 0; index < Math.max(local.length, emulator.length); index += 1) {
    const left = local[index]
    const right = emulator[index]
    if (
      left &&
      right &&
      left.step === right.step &&
      isDeepStrictEqual(left.outcome, right.outcome)
    ) {
      continue
    }
    differences.push({
      step: left?.step ?? right?.step ?? `step ${index + 1}`,
      local: left?.outcome,
      emulator: right?.outcome,
    })
  }
  return differences
}
