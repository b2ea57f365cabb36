import { expect } from 'vitest'
import type { DynamoDBAdapterInstance, DynamoDBAdapterOptions } from '../../../src/index.js'
import {
  inWholeSeconds,
  newAccount,
  newAuthenticator,
  newSession,
  newUser,
  newVerificationToken,
} from './fixtures.js'
import { expectNoStorageAttributes } from './storage-attributes.js'

/**
 * Calls all 19 methods once in a realistic order and checks each result, including that no
 * storage attribute (under the configured names) leaks into any returned object.
 */
export async function exerciseAllMethods(
  adapter: DynamoDBAdapterInstance,
  options: DynamoDBAdapterOptions = {},
) {
  const clean = <T>(value: T): T => {
    expectNoStorageAttributes(value, options)
    return value
  }

  const user = clean(
    await adapter.createUser(newUser({ emailVerified: new Date('2024-01-01T00:00:00.000Z') })),
  )
  expect(clean(await adapter.getUser(user.id))).toEqual(user)
  expect(clean(await adapter.getUserByEmail(user.email))).toEqual(user)

  const newEmail = `${crypto.randomUUID()}@example.org`
  const updated = clean(await adapter.updateUser({ id: user.id, email: newEmail, name: null }))
  expect(updated).toEqual({ ...user, email: newEmail, name: null })
  expect(await adapter.getUserByEmail(user.email)).toBeNull()
  expect(clean(await adapter.getUserByEmail(newEmail))).toEqual(updated)

  const account = clean(await adapter.linkAccount(newAccount(user.id)))
  const accountIds = { provider: account.provider, providerAccountId: account.providerAccountId }
  expect(clean(await adapter.getUserByAccount(accountIds))).toEqual(updated)
  expect(clean(await adapter.getAccount(account.providerAccountId, account.provider))).toEqual(
    account,
  )

  const session = clean(await adapter.createSession(newSession(user.id)))
  const found = await adapter.getSessionAndUser(session.sessionToken)
  expect(found).toEqual({ session, user: updated })
  clean(found?.session)
  clean(found?.user)
  const expires = inWholeSeconds(2 * 24 * 60 * 60 * 1000)
  expect(
    clean(await adapter.updateSession({ sessionToken: session.sessionToken, expires })),
  ).toEqual({
    ...session,
    expires,
  })

  const token = clean(await adapter.createVerificationToken(newVerificationToken(newEmail)))
  expect(clean(await adapter.useVerificationToken(token))).toEqual(token)
  expect(await adapter.useVerificationToken(token)).toBeNull()

  const authenticator = clean(await adapter.createAuthenticator(newAuthenticator(user.id)))
  expect(clean(await adapter.getAuthenticator(authenticator.credentialID))).toEqual(authenticator)
  const listed = await adapter.listAuthenticatorsByUserId(user.id)
  expect(listed).toEqual([authenticator])
  clean(listed[0])
  expect(clean(await adapter.updateAuthenticatorCounter(authenticator.credentialID, 7))).toEqual({
    ...authenticator,
    counter: 7,
  })

  expect(clean(await adapter.deleteSession(session.sessionToken))).toEqual({ ...session, expires })
  expect(await adapter.getSessionAndUser(session.sessionToken)).toBeNull()
  expect(clean(await adapter.unlinkAccount(accountIds))).toEqual(account)
  expect(await adapter.getUserByAccount(accountIds)).toBeNull()

  await adapter.createSession(newSession(user.id))
  await adapter.createVerificationToken(newVerificationToken(newEmail))
  expect(clean(await adapter.deleteUser(user.id))).toEqual(updated)
  expect(await adapter.getUser(user.id)).toBeNull()
  expect(await adapter.getAuthenticator(authenticator.credentialID)).toBeNull()
  return { user: updated }
}
