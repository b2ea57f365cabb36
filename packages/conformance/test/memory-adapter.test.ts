import { describe, expect, test } from 'vitest'
import { MemoryAdapter, MemoryAdapterError, MemoryStore } from '../src/reference/index.js'

const user = (id: string, email: string) => ({ id, email, emailVerified: null })

async function codeOf(promise: unknown): Promise<string | undefined> {
  try {
    await promise
  } catch (error) {
    return error instanceof MemoryAdapterError ? error.code : `not a MemoryAdapterError: ${error}`
  }
  return undefined
}

describe('the reference adapter rejects bad writes with a stable code', () => {
  test('createUser with a taken id or email', async () => {
    const adapter = MemoryAdapter()
    await adapter.createUser(user('u1', 'a@example.com'))
    expect(await codeOf(adapter.createUser(user('u1', 'b@example.com')))).toBe('MEMORY_USER_EXISTS')
    expect(await codeOf(adapter.createUser(user('u2', 'a@example.com')))).toBe('MEMORY_EMAIL_TAKEN')
  })

  test("updateUser of a missing user, or to another user's email", async () => {
    const adapter = MemoryAdapter()
    await adapter.createUser(user('u1', 'a@example.com'))
    await adapter.createUser(user('u2', 'b@example.com'))
    expect(await codeOf(adapter.updateUser({ id: 'nobody', name: 'x' }))).toBe(
      'MEMORY_USER_NOT_FOUND',
    )
    expect(await codeOf(adapter.updateUser({ id: 'u2', email: 'a@example.com' }))).toBe(
      'MEMORY_EMAIL_TAKEN',
    )
    expect(await adapter.getUserByEmail('b@example.com')).toMatchObject({ id: 'u2' })
  })

  test('createAuthenticator of a taken credential, updateAuthenticatorCounter of a missing one', async () => {
    const adapter = MemoryAdapter()
    const authenticator = {
      credentialID: 'c1',
      userId: 'u1',
      providerAccountId: 'c1',
      credentialPublicKey: 'key',
      counter: 0,
      credentialDeviceType: 'singleDevice',
      credentialBackedUp: false,
    }
    await adapter.createAuthenticator(authenticator)
    expect(await codeOf(adapter.createAuthenticator(authenticator))).toBe(
      'MEMORY_AUTHENTICATOR_EXISTS',
    )
    expect(await codeOf(adapter.updateAuthenticatorCounter('c2', 1))).toBe(
      'MEMORY_AUTHENTICATOR_NOT_FOUND',
    )
  })
})

describe('the memory store clock', () => {
  test('advance deletes exactly the sessions and tokens expired by the new now', () => {
    const store = new MemoryStore()
    const at = (ms: number) => new Date(Date.now() + ms)
    store.sessions.set('soon', { sessionToken: 'soon', userId: 'u', expires: at(60_000) })
    store.sessions.set('later', { sessionToken: 'later', userId: 'u', expires: at(3_600_000) })
    store.verificationTokens.set('t', { identifier: 'i', token: 't', expires: at(60_000) })
    const before = Date.now()
    expect(store.advance(120_000)).toEqual({ deleted: 2 })
    expect([...store.sessions.keys()]).toEqual(['later'])
    expect(store.verificationTokens.size).toBe(0)
    // Read the real time before the store's: the other order races the millisecond tick.
    expect(store.now()).toBeGreaterThanOrEqual(before + 120_000)
  })
})
