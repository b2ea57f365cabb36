import { expect } from 'vitest'
import type { CaseContext, ConformanceCase } from '../case-context.js'

/** User field tests: custom fields, `null` and `undefined`. */
export const userFieldCases = {
  'custom user fields round-trip': {
    requires: ['customUserFields'],
    run: async (t: CaseContext) => {
      const user = await t.addUser({ ...t.fixtures.user(), ...t.fixtures.customUserFields() })
      expect(await t.probes.user(user.id), 'the stored user').toEqual(user)
      expect(await t.method('getUser')(user.id), 'getUser').toEqual(user)
      expect(await t.method('getUserByEmail')(user.email), 'getUserByEmail').toEqual(user)
      const renamed = { ...user, name: 'Renamed' }
      expect(
        await t.method('updateUser')({ id: user.id, name: 'Renamed' }),
        'updateUser of another field must keep the custom fields',
      ).toEqual(renamed)
      expect(await t.probes.user(user.id), 'the stored user after updateUser').toEqual(renamed)
    },
  },
  'custom user fields that look like ISO dates stay strings': {
    requires: ['customUserFields', 'isoDateStringFields'],
    run: async (t: CaseContext) => {
      // A string field is a string, whatever it holds; an adapter that revives every ISO-looking
      // string as a Date (to read its own dates back) changes such a field's type.
      const looksLikeDates = {
        lastSeenAt: '2024-03-04T05:06:07.000Z',
        trialEnds: '2030-01-01T00:00:00Z',
      }
      const user = await t.addUser({ ...t.fixtures.user(), ...looksLikeDates })
      expect(await t.probes.user(user.id), 'the stored user').toEqual(user)
      expect(await t.method('getUser')(user.id), 'getUser').toEqual(user)
    },
  },
  'null user fields are stored as null': {
    requires: ['nullFields'],
    run: async (t: CaseContext) => {
      const user = await t.addUser({
        ...t.fixtures.user(),
        name: null,
        image: null,
        emailVerified: null,
      })
      expect(await t.probes.user(user.id), 'the stored user').toEqual(user)
      expect(await t.method('getUser')(user.id), 'getUser').toEqual(user)
      const other = await t.addUser()
      const expected = { ...other, image: null }
      expect(
        await t.method('updateUser')({ id: other.id, image: null }),
        'updateUser returned',
      ).toEqual(expected)
      expect(await t.probes.user(other.id), 'the stored user after updateUser').toEqual(expected)
    },
  },
  'undefined fields are skipped when writing a user': {
    requires: ['undefinedFields'],
    run: async (t: CaseContext) => {
      const user = await t.addUser({ ...t.fixtures.user(), name: undefined })
      const stored = await t.probes.user(user.id)
      expect(stored, 'the stored user').toEqual(user)
      expect(stored?.name, 'a name created as undefined must read back as undefined').toBe(
        undefined,
      )
      const expected = { ...user, name: 'Set Later' }
      expect(
        await t.method('updateUser')({ id: user.id, name: 'Set Later', image: undefined }),
        'updateUser with image: undefined must keep the stored image',
      ).toEqual(expected)
      expect(await t.probes.user(user.id), 'the stored user after updateUser').toEqual(expected)
    },
  },
} satisfies Record<string, ConformanceCase>
