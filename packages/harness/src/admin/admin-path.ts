/** The path the admin API is mounted under, on the emulator's own port. */
export const adminPath = '/_emulator'
