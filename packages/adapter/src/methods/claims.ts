import type { DocumentPort } from '../client/document-port.js'
import { ExpressionBuilder } from '../expression-builder.js'
import type { Attributes } from '../item-codec.js'
import type { ItemKey, TableLayout } from '../table-layout.js'
import type { TransactItem } from './transact-write.js'

/**
 * What a uniqueness claim is on. DynamoDB has no unique constraint, so each email and each
 * provider account gets an item of its own, written in the same transaction as the user or the
 * account with the condition that nobody else holds it: two sign-ins racing to create the same
 * person make one user, and the other fails cleanly.
 */
export type ClaimSubject =
  | { readonly kind: 'email'; readonly email: string }
  | { readonly kind: 'account'; readonly provider: string; readonly providerAccountId: string }

/** The claim's primary key. */
export function claimKey(layout: TableLayout, subject: ClaimSubject): ItemKey {
  return subject.kind === 'email'
    ? layout.emailClaimKey(subject.email)
    : layout.accountClaimKey(subject.provider, subject.providerAccountId)
}

function claimItem(layout: TableLayout, subject: ClaimSubject, userId: string): Attributes {
  const key = claimKey(layout, subject)
  return subject.kind === 'email'
    ? { ...key, type: 'UNIQUE_EMAIL', userId, email: subject.email }
    : {
        ...key,
        type: 'UNIQUE_ACCOUNT',
        userId,
        provider: subject.provider,
        providerAccountId: subject.providerAccountId,
      }
}

/**
 * A Put of the claim for `userId` that holds only when nobody claims the subject, when `userId`
 * does already (a repeated link, or a retry of this very write), or when `staleOwner` does (a
 * claim its holder no longer backs; see {@link inspectClaim}).
 */
export function putClaim(
  layout: TableLayout,
  subject: ClaimSubject,
  userId: string,
  staleOwner?: string,
): TransactItem {
  const expression = new ExpressionBuilder()
  const owner = expression.name('userId')
  const holders = [`${owner} = ${expression.value(userId)}`]
  if (staleOwner !== undefined) holders.push(`${owner} = ${expression.value(staleOwner)}`)
  return {
    Put: {
      TableName: layout.tableName,
      Item: claimItem(layout, subject, userId),
      ConditionExpression: `attribute_not_exists(${expression.name(layout.pk)}) OR ${holders.join(' OR ')}`,
      ...expression.attributes(),
    },
  }
}

/** A Delete of the claim that leaves it alone when another user holds it. */
export function deleteClaim(
  layout: TableLayout,
  subject: ClaimSubject,
  userId: string,
): TransactItem {
  const expression = new ExpressionBuilder()
  return {
    Delete: {
      TableName: layout.tableName,
      Key: claimKey(layout, subject),
      ConditionExpression: `attribute_not_exists(${expression.name(layout.pk)}) OR ${expression.name('userId')} = ${expression.value(userId)}`,
      ...expression.attributes(),
    },
  }
}

/** Who holds a claim, read after its condition failed. */
export interface ClaimHolder {
  /** The holder's user id; `undefined` when the claim is gone by now. */
  readonly owner: string | undefined
  /**
   * Whether the holder no longer backs the claim: the user is gone or has another email, or the
   * account is no longer linked to it. Claims go stale when another program changes the table:
   * `@auth/dynamodb-adapter` deletes users and accounts without knowing of claims.
   */
  readonly stale: boolean
}

/** Reads who holds the claim on `subject` and whether that holder still backs it (consistent reads). */
export async function inspectClaim(
  port: DocumentPort,
  layout: TableLayout,
  subject: ClaimSubject,
): Promise<ClaimHolder> {
  const TableName = layout.tableName
  const { Item: claim } = await port.get({
    TableName,
    Key: claimKey(layout, subject),
    ConsistentRead: true,
  })
  const owner = typeof claim?.userId === 'string' ? claim.userId : undefined
  if (owner === undefined) return { owner, stale: false }
  if (subject.kind === 'email') {
    const { Item: user } = await port.get({
      TableName,
      Key: layout.userKey(owner),
      ConsistentRead: true,
    })
    return { owner, stale: user?.email !== subject.email }
  }
  const { Item: account } = await port.get({
    TableName,
    Key: layout.accountKey(owner, subject.provider, subject.providerAccountId),
    ConsistentRead: true,
  })
  return { owner, stale: account === undefined }
}
