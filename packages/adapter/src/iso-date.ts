// The shapes Date.prototype.toISOString and Auth.js's own `isDate` produce and accept; anchored,
// so a free-text field that merely contains a date stays a string.
const isoDate = /^\d{4}-[01]\d-[0-3]\dT[0-2]\d:[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-][0-2]\d:[0-5]\d)$/

/** Whether a stored value is an ISO 8601 date-time string that parses to a valid Date. */
export function isIsoDateString(value: unknown): value is string {
  return typeof value === 'string' && isoDate.test(value) && !Number.isNaN(Date.parse(value))
}
