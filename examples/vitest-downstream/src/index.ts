export type { AuthTable } from './auth-table.js'
export { type ActiveSession, listActiveSessions } from './list-active-sessions.js'
export { type SignOutEverywhereOptions, signOutEverywhere } from './sign-out-everywhere.js'
