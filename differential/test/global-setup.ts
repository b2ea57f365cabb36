import type { TestProject } from 'vitest/node'
import { startTargets } from '../src/start-targets.js'

/**
 * Starts the emulator and DynamoDB Local once for the run (the root config's globalSetup; both
 * projects inherit what it provides) and stops them at the end.
 */
export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const running = await startTargets()
  project.provide('differentialTargets', running.targets)
  return () => running.stop()
}
