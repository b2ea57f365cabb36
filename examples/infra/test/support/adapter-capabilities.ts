import type { Capabilities } from '@auth-dynamo/conformance'

/**
 * What @auth-dynamo/adapter does not claim on any table: like @auth/dynamodb-adapter, it reads
 * every top-level ISO 8601 date-time string back as a Date (the item keeps no type, and both
 * adapters must read a table alike), custom user fields included.
 */
export const adapterCapabilities: Partial<Capabilities> = { isoDateStringFields: false }
