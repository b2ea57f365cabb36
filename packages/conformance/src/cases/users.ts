import { expect } from 'vitest'
import type { CaseContext, ConformanceCase } from '../case-context.js'

const requiredMethods = [
  'createUser',
  'getUser',
  'getUserByEmail',
  'getUserByAccount',
  'updateUser',
  'linkAccount',
  'createSession',
  'getSessionAndUser',
  'updateSession',
  'deleteSession',
] as const

/** User tests: the methods Auth.js requires of every database adapter, and user CRUD. */
export const userCases = {
  'adapter has every required method': {
    requires: [],
    run: async (t: CaseContext) => {
      const missing = requiredMethods.filter((name) => typeof t.adapter[name] !== 'function')
      expect(missing, 'methods Auth.js requires of a database adapter that are missing').toEqual([])
    },
  },
  'createUser stores and returns the user': {
    requires: [],
    run: async (t: CaseContext) => {
      const user = t.fixtures.user()
      const created = await t.createUser(user)
      expect(typeof created?.id, 'createUser must return the user with a string id').toBe('string')
      expect(created.id.length, 'createUser returned an empty id').toBeGreaterThan(0)
      const expected = { ...user, id: created.id }
      expect(created, 'the user createUser returned').toEqual(expected)
      expect(await t.probes.user(created.id), 'the stored user').toEqual(expected)
    },
  },
  'getUser returns the user by id': {
    requires: [],
    run: async (t: CaseContext) => {
      const user = await t.addUser()
      await t.addUser()
      expect(await t.method('getUser')(user.id)).toEqual(user)
    },
  },
  'getUser returns null for a missing id': {
    requires: [],
    run: async (t: CaseContext) => {
      await t.addUser()
      expect(await t.method('getUser')(t.fixtures.id())).toBeNull()
    },
  },
  'getUserByEmail returns the user by email': {
    requires: [],
    run: async (t: CaseContext) => {
      const user = await t.addUser()
      await t.addUser()
      expect(await t.method('getUserByEmail')(user.email)).toEqual(user)
    },
  },
  'getUserByEmail returns null for a missing email': {
    requires: [],
    run: async (t: CaseContext) => {
      await t.addUser()
      expect(await t.method('getUserByEmail')(t.fixtures.email())).toBeNull()
    },
  },
  'updateUser stores and returns the changed fields': {
    requires: [],
    run: async (t: CaseContext) => {
      const user = await t.addUser()
      const changes = { name: 'Updated Name', image: 'https://example.com/avatars/updated.png' }
      const expected = { ...user, ...changes }
      const returned = await t.method('updateUser')({ id: user.id, ...changes })
      expect(returned, 'the user updateUser returned').toEqual(expected)
      expect(await t.probes.user(user.id), 'the stored user').toEqual(expected)
      expect(await t.method('getUser')(user.id), 'the user getUser returns').toEqual(expected)
    },
  },
  'updateUser with a new email moves the email lookup': {
    requires: ['emailChange'],
    run: async (t: CaseContext) => {
      const user = await t.addUser()
      const email = t.fixtures.email()
      const expected = { ...user, email }
      expect(await t.method('updateUser')({ id: user.id, email }), 'updateUser returned').toEqual(
        expected,
      )
      expect(await t.probes.user(user.id), 'the stored user').toEqual(expected)
      expect(await t.method('getUserByEmail')(email), 'getUserByEmail(new email)').toEqual(expected)
      expect(
        await t.method('getUserByEmail')(user.email),
        'getUserByEmail(old email) must find nobody once the email changed',
      ).toBeNull()
    },
  },
  'updateUser of a missing user rejects without creating it': {
    requires: ['updateMissingUserRejects'],
    run: async (t: CaseContext) => {
      const id = t.fixtures.id()
      const updateUser = t.method('updateUser')
      await expect(
        Promise.resolve().then(() => updateUser({ id, name: 'Nobody' })),
        'updateUser of a user that does not exist',
      ).rejects.toThrow()
      expect(await t.probes.user(id), 'a user stored by the failed update').toBeNull()
    },
  },
  'createUser of one email by two concurrent callers makes one user': {
    requires: ['uniqueUsers'],
    run: async (t: CaseContext) => {
      // Two tabs finishing one person's first sign-in: Auth.js found nobody in both, and creates
      // the user in both. One of the calls may reject (a unique constraint), or both may return
      // the same user; never two users with the email.
      const first = t.fixtures.user()
      const second = { ...t.fixtures.user(), email: first.email }
      const settled = await Promise.allSettled([t.createUser(first), t.createUser(second)])
      const created = settled.flatMap((result) =>
        result.status === 'fulfilled' ? [result.value] : [],
      )
      expect(created.length, 'calls that created the user').toBeGreaterThanOrEqual(1)
      const ids = new Set([first.id, second.id, ...created.map((user) => user.id)])
      const stored = []
      for (const id of ids) {
        const user = await t.probes.user(id)
        if (user) stored.push(user)
      }
      expect(
        stored.map((user) => user.email),
        'users stored with the email',
      ).toEqual([first.email])
      const found = await t.method('getUserByEmail')(first.email)
      expect(
        created.map((user) => user.id),
        'the users the calls returned',
      ).toEqual(created.map(() => found?.id))
    },
  },
} satisfies Record<string, ConformanceCase>
