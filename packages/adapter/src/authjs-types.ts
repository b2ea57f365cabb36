// The Auth.js adapter model, declared here rather than imported from `@auth/core/adapters`: a
// next-auth v4 app has no `@auth/core`, and an import of a missing package turns every type that
// uses it into `any` (tsc with skipLibCheck reports nothing). These shapes follow @auth/core's
// (https://authjs.dev/reference/core/adapters), so the adapter is assignable to its `Adapter` and
// to next-auth v4's.

/** A JSON object, as an OAuth token endpoint returns them (the shape of oauth4webapi's, which Auth.js uses). */
export type JsonObject = { [Key in string]?: JsonValue }

/** A JSON value. */
export type JsonValue = string | number | boolean | null | JsonObject | JsonValue[]

/** A user as Auth.js stores it: `id`, `email` and `emailVerified` always present. */
export interface AdapterUser {
  /** The user's id. */
  id: string
  /** The user's email address. */
  email: string
  /** When the email address was verified, or `null`. */
  emailVerified: Date | null
  /** The display name. */
  name?: string | null
  /** The avatar URL. */
  image?: string | null
}

/** How an account signs in. */
export type AdapterAccountType = 'oauth' | 'oidc' | 'email' | 'webauthn'

/** An account (a provider's identity) linked to a user, with the provider's token fields. */
export interface AdapterAccount {
  /** The user it is linked to. */
  userId: string
  /** How it signs in. */
  type: AdapterAccountType
  /** The provider id, e.g. `github`. */
  provider: string
  /** The account's id at the provider. */
  providerAccountId: string
  /** OAuth access token. */
  access_token?: string
  /** OAuth refresh token. */
  refresh_token?: string
  /** OpenID Connect id token. */
  id_token?: string
  /** OAuth token type, lower case, e.g. `bearer`. */
  token_type?: Lowercase<string>
  /** Granted scopes. */
  scope?: string
  /** When the access token expires, in epoch seconds. */
  expires_at?: number
  /** Any other field the provider returned. */
  readonly [field: string]: JsonValue | undefined
}

/** A database session. */
export interface AdapterSession {
  /** The session token (the cookie value). */
  sessionToken: string
  /** The user it belongs to. */
  userId: string
  /** When it expires. */
  expires: Date
}

/** A magic-link verification token. */
export interface VerificationToken {
  /** Whom it was sent to (an email address). */
  identifier: string
  /** When it expires. */
  expires: Date
  /** The token (hashed by Auth.js). */
  token: string
}

/** A WebAuthn authenticator (passkey) of a user. */
export interface AdapterAuthenticator {
  /** The user it belongs to. */
  userId: string
  /** The account id of the passkey account it belongs to. */
  providerAccountId: string
  /** The signature counter. */
  counter: number
  /** Whether the credential is backed up. */
  credentialBackedUp: boolean
  /** The credential id, base64url. */
  credentialID: string
  /** The public key, base64. */
  credentialPublicKey: string
  /** Comma-separated transports, e.g. `internal,hybrid`. */
  transports?: string | null
  /** `singleDevice` or `multiDevice`. */
  credentialDeviceType: string
}
