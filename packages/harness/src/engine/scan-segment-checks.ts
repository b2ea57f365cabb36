import { type EngineResponse, errorResponse } from './engine-response.js'

/**
 * Refuses a Scan with `Segment: 0` and no `TotalSegments`: dynalite's validation tests
 * `data.Segment && ...`, which a segment of 0 slips through (it then scanned the whole table).
 * The words are dynalite's for any other segment; DynamoDB Local 3.3 answers "If segment is
 * specified, total segment must also be specified". A validated-data hook. (The upper bounds,
 * TotalSegments at most 1,000,000 and Segment at most 999,999, are in `validation-types-override.ts`.)
 *
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Scan.html#DDB-Scan-request-Segment
 */
export function checkScanSegment(
  operation: string,
  _payload: Readonly<Record<string, unknown>>,
  data: Record<string, unknown>,
): EngineResponse | undefined {
  if (operation !== 'Scan' || data.Segment == null || data.TotalSegments != null) return undefined
  return errorResponse(
    'ValidationException',
    'The TotalSegments parameter is required but was not present in the request when Segment parameter is present',
  )
}
