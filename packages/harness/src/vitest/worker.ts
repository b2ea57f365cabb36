export type { AuthDynamoContext } from './auth-dynamo-context.js'
export {
  type EmulatorClockControl,
  emulatorAdmin,
  emulatorClock,
  sweepExpiredItems,
} from './emulator-controls.js'
export { authDynamoContext } from './inject-context.js'
export {
  type IsolatedAuthjsTable,
  type IsolatedAuthjsTableOptions,
  isolatedAuthjsTable,
} from './isolated-authjs-table.js'
