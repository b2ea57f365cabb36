import { faultInterceptor } from '../features/faults/fault-interceptor.js'
import { tableArnInterceptor } from '../features/table-arns/table-arn-interceptor.js'
import type { Interceptor } from './interceptor.js'

/**
 * Every interceptor, outermost first; registered in this one place. Table ARNs become names
 * before fault rules look for table names.
 */
export const interceptors: readonly Interceptor[] = [tableArnInterceptor, faultInterceptor]
