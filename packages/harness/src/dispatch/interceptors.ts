import { tableArnInterceptor } from '../features/table-arns/table-arn-interceptor.js'
import type { Interceptor } from './interceptor.js'

/** Every interceptor, outermost first; registered in this one place. */
export const interceptors: readonly Interceptor[] = [tableArnInterceptor]
