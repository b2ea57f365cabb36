import { UnstorageAdapter } from '@auth/unstorage-adapter'
import { createStorage } from 'unstorage'
import memoryDriver from 'unstorage/drivers/memory'
import { runAdapterConformance } from '../src/index.js'
import { unstorageProbes } from './unstorage-probes.js'

// Another real Auth.js adapter from npm. Each reason below was checked against the published
// source of @auth/unstorage-adapter 2.11.2 (node_modules/@auth/unstorage-adapter/index.js).
const storage = createStorage({ driver: memoryDriver() })

runAdapterConformance({
  name: '@auth/unstorage-adapter 2.11.2 on the unstorage memory driver',
  adapter: () => UnstorageAdapter(storage),
  probes: unstorageProbes(storage),
  capabilities: {
    // Nothing in the adapter sets a TTL: unstorage keeps expired records until they are used.
    expiryDeletion: false,
  },
  expectedFailures: {
    'updateUser with a new email moves the email lookup':
      'updateUser writes the new user:email:<email> key but never removes the old one, so the old email still finds the user',
    'createUser of one email by two concurrent callers makes one user':
      'createUser stores each user under a fresh random id and sets the user:email:<email> key without looking at it first, so two concurrent calls make two users (the email key keeps the last)',
    'custom user fields that look like ISO dates stay strings':
      "getUser passes the stored user through hydrateDates, which turns every string @auth/core's isDate accepts into a Date, custom fields included",
    'updateUser of a missing user rejects without creating it':
      'updateUser spreads the update over the null that getUser returns and stores it, creating a partial user',
    'undefined fields are skipped when writing a user':
      'updateUser stores { ...user, ...updates }, so a field passed as undefined overwrites the stored value and JSON.stringify then drops it',
    'useVerificationToken hands a token to exactly one of ten concurrent callers':
      'useVerificationToken awaits getItem and only then removeItem, so concurrent callers all read the token before any deletes it',
    'getSessionAndUser treats an expired session as missing':
      'getSessionAndUser returns the stored session without comparing expires with now',
    'useVerificationToken treats an expired token as missing':
      'useVerificationToken returns the stored token without comparing expires with now',
    'deleteUser removes the user':
      'deleteUser passes the by-user-id account and session keys to removeItem even when they are null (a user with no account or session), and unstorage rejects a null key',
    'deleteUser removes every related item':
      'the by-user-id index holds one account key and one session key, overwritten by each link, so deleteUser removes only the last account and session',
    "deleteUser removes the user's authenticators":
      'deleteUser never removes authenticator keys (and, for a user with no account or session, rejects on a null key first)',
    "updateAuthenticatorCounter keeps the user's other authenticators":
      "updateAuthenticatorCounter rewrites the user's credential list through setAuthenticator, which resets it to one id when the updated credential is first and adds duplicates otherwise",
  },
})
