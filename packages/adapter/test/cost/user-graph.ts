import type {
  AdapterAccount,
  AdapterAuthenticator,
  AdapterSession,
  AdapterUser,
  VerificationToken,
} from '@auth/core/adapters'
import type { DynamoDBAdapterInstance } from '../../src/index.js'
import {
  accountInput,
  authenticatorInput,
  sessionInput,
  userInput,
  verificationTokenInput,
} from '../compat/fixtures.js'

/** A user with one of everything that can belong to it. */
export interface UserGraph {
  user: AdapterUser
  account: AdapterAccount
  session: AdapterSession
  token: VerificationToken
  authenticator: AdapterAuthenticator
}

/** Writes a fresh user graph through `writer`; its verification token is for the user's email. */
export async function createUserGraph(writer: DynamoDBAdapterInstance): Promise<UserGraph> {
  const user = await writer.createUser(userInput())
  const account = accountInput(user.id)
  await writer.linkAccount(account)
  const session = sessionInput(user.id)
  await writer.createSession(session)
  const token = { ...verificationTokenInput(), identifier: user.email }
  await writer.createVerificationToken(token)
  const authenticator = authenticatorInput(user.id)
  await writer.linkAccount({
    userId: user.id,
    type: 'webauthn',
    provider: 'passkey',
    providerAccountId: authenticator.providerAccountId,
  })
  await writer.createAuthenticator(authenticator)
  return { user, account, session, token, authenticator }
}
