/**
 * What each capability means. A capability is a feature the adapter claims; every capability
 * is on unless the caller turns it off, and a test that needs a capability that is off is
 * skipped and reported by name at the end of the run.
 */
export const capabilityDescriptions = {
  verificationTokens:
    'createVerificationToken and useVerificationToken (needed for email sign-in); needs the verificationToken probe',
  webauthn:
    'the four authenticator methods (createAuthenticator, getAuthenticator, listAuthenticatorsByUserId, updateAuthenticatorCounter; needed for passkeys); needs the authenticator probe',
  getAccount: 'getAccount(providerAccountId, provider)',
  unlinkAccount: 'unlinkAccount removes one account',
  deleteUser: 'deleteUser removes the user',
  deleteUserCascade:
    "deleteUser also removes the user's sessions, accounts and authenticators, however many there are",
  deleteMissingRecords:
    'deleteUser, deleteSession and unlinkAccount of something that does not exist resolve instead of throwing',
  updateMissingUserRejects: 'updateUser of a user that does not exist rejects and creates nothing',
  emailChange:
    'updateUser with a new email makes the user findable by the new email and no longer by the old one',
  customUserFields: 'fields beyond the Auth.js user model are stored and returned unchanged',
  isoDateStringFields:
    'a custom user field holding a string in ISO 8601 date-time form comes back as that string, not as a Date',
  nullFields: 'null user fields are stored and returned as null',
  undefinedFields:
    'undefined fields are skipped: not stored by createUser, and left unchanged by updateUser',
  expiryFiltering:
    'expired sessions and verification tokens read as missing, even while the backend still holds them',
  expiryDeletion:
    'the backend deletes expired sessions and verification tokens as time passes (a TTL); needs the clock option',
  concurrentTokenUse:
    'a verification token is handed out once even to concurrent useVerificationToken calls',
  millisecondExpiry:
    'expires of sessions and verification tokens is stored to the millisecond and reads back exactly (next-auth v4 compares it exactly)',
  uniqueUsers:
    'concurrent createUser calls for one email make one user, and concurrent linkAccount calls for one provider account link it to one user',
} as const

/** The name of one capability; see {@link capabilityDescriptions}. */
export type Capability = keyof typeof capabilityDescriptions

/** Every capability name, in a stable order. */
export const capabilityNames = Object.keys(capabilityDescriptions) as readonly Capability[]

/** A full capability manifest: each capability on (`true`) or off (`false`). */
export type Capabilities = Record<Capability, boolean>

/**
 * Fills in a partial manifest: every capability not named is on.
 *
 * @param declared - the capabilities the caller set
 * @returns the full manifest
 */
export function resolveCapabilities(declared: Partial<Capabilities> = {}): Capabilities {
  const resolved = {} as Capabilities
  for (const name of capabilityNames) resolved[name] = declared[name] ?? true
  return resolved
}
