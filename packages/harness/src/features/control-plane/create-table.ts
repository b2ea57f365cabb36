import { dynaliteValidations } from '../../engine/dynalite-internals.js'
import type { EngineResponse } from '../../engine/engine-response.js'
import { errorResponse } from '../../engine/engine-response.js'
import { failureResponse } from '../transactions/store-calls.js'
import { checkStreamSpecification, type StreamRequest } from './stream-specification.js'

/** What CreateTable asks of the emulator beyond what dynalite stores. */
export interface CreateTableExtras {
  deletionProtection: boolean
  stream: StreamRequest | undefined
  /** CreateTable's `Tags`, stored once the table exists (dynalite drops them). */
  tags: Array<{ Key: string; Value: string }>
}

const extraTypes = {
  DeletionProtectionEnabled: { type: 'Boolean' },
  StreamSpecification: {
    type: 'FieldStruct<StreamSpecification>',
    children: { StreamEnabled: { type: 'Boolean' }, StreamViewType: { type: 'String' } },
  },
  Tags: {
    type: 'List',
    children: { type: 'ValueStruct<Tag>', children: { Key: 'String', Value: 'String' } },
  },
}

/**
 * CreateTable's DeletionProtectionEnabled, StreamSpecification and Tags (dynalite drops all
 * three), checked before the table is made; type errors as dynalite words them, stream errors as
 * DynamoDB Local, tag limits as the service words its constraint errors
 * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Tag.html: key 1 to 128
 * characters, value 0 to 256, at most 50 tags).
 */
export function createTableExtras(
  payload: Readonly<Record<string, unknown>>,
): CreateTableExtras | EngineResponse {
  let data: Record<string, unknown>
  try {
    data = dynaliteValidations.checkTypes(
      {
        DeletionProtectionEnabled: payload.DeletionProtectionEnabled,
        StreamSpecification: payload.StreamSpecification,
        Tags: payload.Tags,
      },
      extraTypes,
    )
  } catch (error) {
    return failureResponse(error, 'throw')
  }
  let stream: StreamRequest | undefined
  if (data.StreamSpecification !== undefined) {
    const checked = checkStreamSpecification(data.StreamSpecification as Record<string, unknown>)
    if (typeof checked === 'string') return errorResponse('ValidationException', checked)
    stream = checked.enabled ? checked : undefined
  }
  // Null tags, keys and values never get here: the request checks refuse them first
  // (null-member-checks.ts), in the framework's wording.
  const tags = (data.Tags ?? []) as CreateTableExtras['tags']
  const tagProblem = tagsProblem(tags)
  if (tagProblem) return errorResponse('ValidationException', tagProblem)
  return { deletionProtection: data.DeletionProtectionEnabled === true, stream, tags }
}

function tagsProblem(tags: CreateTableExtras['tags']): string | undefined {
  if (tags.length > 50) return 'The number of tags exceeds the limit of 50 tags per resource.'
  for (const [index, tag] of tags.entries()) {
    const at = (field: string) => `Value at 'tags.${index + 1}.member.${field}'`
    if (tag.Key.length < 1 || tag.Key.length > 128)
      return `1 validation error detected: ${at('key')} failed to satisfy constraint: Member must have length between 1 and 128`
    if (tag.Value.length > 256)
      return `1 validation error detected: ${at('value')} failed to satisfy constraint: Member must have length less than or equal to 256`
  }
  return undefined
}
