import type { CliSettings } from './settings.js'

/** What the CLI reports once the emulator is listening. */
export interface ReadyInfo {
  /** DynamoDB endpoint for AWS SDK clients, e.g. `http://127.0.0.1:8000`. */
  endpoint: string
  /** Region to configure on clients. */
  region: string
  /** Credentials the emulator accepts. */
  credentials: { accessKeyId: string; secretAccessKey: string }
  /** Names of the tables created at start. */
  tables: string[]
  /** Base URL of the admin API (clock, sweep, reset, health). */
  adminUrl: string
  /** The port actually bound (differs from the requested one when that was 0). */
  port: number
  /** Absolute path of the data directory, or `undefined` when the data is in memory. */
  persist: string | undefined
  /** The clock TTL expiry is measured on. */
  clock: CliSettings['clock']
  /** When expired items are deleted. */
  ttlMode: CliSettings['ttlMode']
}

/**
 * The variables an Auth.js app reads to reach DynamoDB, as `.env` lines.
 *
 * @param info - the running emulator
 */
export function envLines(info: ReadyInfo): string[] {
  return Object.entries(envVariables(info)).map(([name, value]) => `${name}=${value}`)
}

function envVariables(info: ReadyInfo): Record<string, string> {
  return {
    AUTH_DYNAMODB_ENDPOINT: info.endpoint,
    AUTH_DYNAMODB_REGION: info.region,
    AUTH_DYNAMODB_ID: info.credentials.accessKeyId,
    AUTH_DYNAMODB_SECRET: info.credentials.secretAccessKey,
  }
}

/**
 * The single line `--json` prints when ready: `{"endpoint":"...","tables":["next-auth"],...}`.
 * `persist` is `null` when the data is in memory.
 *
 * @param info - the running emulator
 */
export function readyJson(info: ReadyInfo): string {
  return JSON.stringify({
    endpoint: info.endpoint,
    region: info.region,
    credentials: info.credentials,
    tables: info.tables,
    adminUrl: info.adminUrl,
    port: info.port,
    persist: info.persist ?? null,
    clock: info.clock,
    ttlMode: info.ttlMode,
    env: envVariables(info),
  })
}

/**
 * The human-readable text printed when ready: where to connect, and the `.env` lines to paste.
 *
 * @param info - the running emulator
 * @param version - the package version
 */
export function readyText(info: ReadyInfo, version: string): string {
  return [
    `auth-dynamo-emulator ${version} is ready`,
    '',
    `  endpoint  ${info.endpoint}`,
    `  tables    ${info.tables.join(', ')}`,
    `  admin     ${info.adminUrl}`,
    `  data      ${info.persist ?? 'in memory (pass --persist DIR to keep it)'}`,
    `  clock     ${info.clock}, TTL mode ${info.ttlMode}`,
    '',
    'Paste into .env:',
    '',
    ...envLines(info),
    '',
    'Press Ctrl+C to stop.',
    '',
  ].join('\n')
}
