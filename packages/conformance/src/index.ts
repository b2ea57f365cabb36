export {
  type Capabilities,
  type Capability,
  capabilityDescriptions,
  capabilityNames,
} from './capabilities.js'
export type { ConformanceClock } from './clock.js'
export {
  type ConformanceTestId,
  type ConformanceTestInfo,
  conformanceTestIds,
  conformanceTests,
} from './conformance-tests.js'
export { ConformanceError, type ConformanceErrorCode } from './errors.js'
export type { ConformanceFixtures } from './fixtures.js'
export type { ConformanceOptions, ExpectedFailures } from './options.js'
export type { Awaitable, ConformanceProbes } from './probes.js'
export { type ConformanceOutcome, type ConformanceReport, formatReport } from './report.js'
export { optionsTestName, runAdapterConformance } from './run-adapter-conformance.js'
