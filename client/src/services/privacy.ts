/**
 * A resident's rights over their data (residents.myData / exportMyData / correctMe / deleteAccount,
 * docs/api.md). Every call goes through callFunction.
 */
import type { MyData } from '@shared/schemas/residentsPrivacy'
import { callFunction, type CallResult } from './cloud'

export type { MyData }

export const privacy = {
  myData: (): Promise<CallResult<MyData>> => callFunction('residents', { action: 'myData' }),
  exportMyData: (): Promise<CallResult<{ fileID: string; url: string; reports: number }>> =>
    callFunction('residents', { action: 'exportMyData' }),
  correctMe: (p: {
    name?: string
    phone?: string
  }): Promise<CallResult<{ name: string | null; phone: string | null }>> =>
    callFunction('residents', { action: 'correctMe', ...p }),
  deleteAccount: (): Promise<CallResult<{ reportsKept: number; messagesDeleted: number }>> =>
    callFunction('residents', { action: 'deleteAccount', confirm: true }),
}
