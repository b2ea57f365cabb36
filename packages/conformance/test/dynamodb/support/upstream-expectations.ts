import type { Capabilities, ExpectedFailures } from '../../../src/index.js'

// What @auth/dynamodb-adapter 2.11.3 lacks or gets wrong, each reason checked against its
// published source (node_modules/@auth/dynamodb-adapter/index.js) and the error the run shows.
// The README's results table is checked against these by readme-results.test.ts.

/**
 * The adapter has no getAccount and none of the four authenticator methods, and reads every
 * ISO-looking string back as a Date (format.from uses @auth/core's isDate on every attribute).
 */
export const upstreamCapabilities: Partial<Capabilities> = {
  webauthn: false,
  getAccount: false,
  isoDateStringFields: false,
}

/** Failures with the default table, key and index names. */
export const upstreamExpectedFailures: ExpectedFailures = {
  'updateUser with a new email moves the email lookup':
    'updateUser writes only the given fields and leaves GSI1PK/GSI1SK at USER#<old email>: the new email finds nobody and the old one still finds the user',
  'updateUser of a missing user rejects without creating it':
    'updateUser is an UpdateItem without a condition, which creates the item: a partial user appears, with no type or index keys',
  'undefined fields are skipped when writing a user':
    'updateUser puts every field, undefined ones too, in its UpdateExpression; the document client drops the undefined value, so DynamoDB rejects the expression ("An expression attribute value used in expression is not defined")',
  'getSessionAndUser treats an expired session as missing':
    'getSessionAndUser returns the stored session without comparing expires with now (DynamoDB TTL deletes days late)',
  'useVerificationToken treats an expired token as missing':
    'useVerificationToken returns the deleted token without comparing expires with now',
  'deleteUser removes every related item':
    "deleteUser reads one page of the user's partition and sends only the first 25 deletes in one BatchWriteItem (no paging, no retry of UnprocessedItems): with 61 items the user item, which sorts last, stays",
  'deleteUser of a missing user resolves':
    'deleteUser sends a BatchWriteItem even when the query found nothing, and DynamoDB rejects an empty request list',
  'createUser of one email by two concurrent callers makes one user':
    'createUser is one unconditional PutItem under a fresh random id: nothing guards the email, so both calls store a user',
  'linkAccount of one provider account to two users at once links it to one':
    "linkAccount is one unconditional PutItem in the user's partition: both links are stored, under the same index keys",
}

const leak = (what: string) =>
  `format.from removes only the literal attributes pk, sk, GSI1PK and GSI1SK, so the custom key attributes come back in ${what}`
const deleteKeys =
  'deleteUser builds each delete key from item.pk and item.sk (the literal names, undefined here), so DynamoDB rejects the BatchWriteItem ("The provided key element does not match the schema")'

/** Failures with custom table, key and index names and custom user fields. */
export const upstreamCustomNamesExpectedFailures: ExpectedFailures = {
  'getUser returns the user by id': leak('the user'),
  'getUserByEmail returns the user by email': leak('the user'),
  'updateUser stores and returns the changed fields': leak('the user updateUser returns'),
  'updateUser with a new email moves the email lookup': `${leak('the user updateUser returns')}; and the index keys keep the old email`,
  'updateUser of a missing user rejects without creating it':
    upstreamExpectedFailures['updateUser of a missing user rejects without creating it'] ?? '',
  'custom user fields round-trip': `${leak('the user')}, and a user's own field named pk is dropped`,
  'null user fields are stored as null': leak('the user getUser returns'),
  'undefined fields are skipped when writing a user':
    upstreamExpectedFailures['undefined fields are skipped when writing a user'] ?? '',
  'getUserByAccount returns the linked user': leak('the user'),
  'getSessionAndUser returns the session and its user': leak('the session and the user'),
  'updateSession stores the new expiry': leak('the session updateSession returns'),
  'useVerificationToken returns the token once and deletes it': leak('the token'),
  'useVerificationToken hands a token to exactly one of ten concurrent callers': `${leak('the token')} (the single use itself holds: DeleteItem with ReturnValues ALL_OLD is atomic)`,
  'getSessionAndUser treats an expired session as missing':
    upstreamExpectedFailures['getSessionAndUser treats an expired session as missing'] ?? '',
  'useVerificationToken treats an expired token as missing':
    upstreamExpectedFailures['useVerificationToken treats an expired token as missing'] ?? '',
  'deleteUser removes the user': deleteKeys,
  "deleteUser removes the user's sessions and accounts": deleteKeys,
  'deleteUser removes every related item': deleteKeys,
  "deleteUser leaves other users' records alone": `${deleteKeys}; the call throws before anything is deleted`,
  'deleteUser of a missing user resolves':
    upstreamExpectedFailures['deleteUser of a missing user resolves'] ?? '',
  'createUser of one email by two concurrent callers makes one user':
    upstreamExpectedFailures['createUser of one email by two concurrent callers makes one user'] ??
    '',
  'linkAccount of one provider account to two users at once links it to one':
    upstreamExpectedFailures[
      'linkAccount of one provider account to two users at once links it to one'
    ] ?? '',
}
