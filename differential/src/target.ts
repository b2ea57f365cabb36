/** A DynamoDB endpoint and what to sign requests to it with. */
export interface Target {
  /** A short name for reports: `emulator` or `local`. */
  name: string
  /** e.g. `http://127.0.0.1:8000` */
  endpoint: string
  region: string
  credentials: { accessKeyId: string; secretAccessKey: string }
}

/** The two backends a case runs against. */
export interface Targets {
  emulator: Target
  local: Target
}
