import { dynaliteValidations } from '../../engine/dynalite-internals.js'
import type { EngineResponse } from '../../engine/engine-response.js'
import { errorResponse } from '../../engine/engine-response.js'
import { failureResponse } from '../transactions/store-calls.js'
import { checkStreamSpecification, type StreamRequest } from './stream-specification.js'

/** What CreateTable asks of the emulator beyond what dynalite stores. */
export interface CreateTableExtras {
  deletionProtection: boolean
  stream: StreamRequest | undefined
}

const extraTypes = {
  DeletionProtectionEnabled: { type: 'Boolean' },
  StreamSpecification: {
    type: 'FieldStruct<StreamSpecification>',
    children: { StreamEnabled: { type: 'Boolean' }, StreamViewType: { type: 'String' } },
  },
}

/**
 * CreateTable's DeletionProtectionEnabled and StreamSpecification (dynalite drops both), checked
 * before the table is made; type errors as dynalite words them, stream errors as DynamoDB Local.
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
  return { deletionProtection: data.DeletionProtectionEnabled === true, stream }
}
