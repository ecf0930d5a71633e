/**
 * A phone number shown masked to staff (138****1234), with 「查看号码」: the number itself is asked
 * of the server, which writes down who asked (the office reads that log); then 拨打电话.
 */
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { tasks, type RevealWhose } from '../services/api'
import { useAction } from '../hooks/useAction'
import ErrorNotice from './ErrorNotice'

/** The number once asked for, and how to ask. */
export function useReveal(ticketId: string, whose: RevealWhose) {
  const [phone, setPhone] = useState<string | null>(null)
  const action = useAction()
  const ask = () =>
    action
      .run(() => tasks.revealContact(ticketId, whose))
      .then((r) => {
        if (r) setPhone(r.phone)
      })
  return { phone, ask, busy: action.busy, error: action.error }
}

interface Props {
  reveal: ReturnType<typeof useReveal>
  /** Whose number, in words, for the screen reader (`上报人`, `办理人张三`). */
  who: string
  /** The call button's words once the number is known. */
  callLabel: string
  testId: string
}

export default function RevealPhone({ reveal, who, callLabel, testId }: Props) {
  const { phone } = reveal
  return (
    <>
      {phone === null ? (
        <View
          className="btn btn--plain btn--small"
          role="button"
          aria-label={`查看${who}的完整号码`}
          aria-busy={reveal.busy}
          data-testid={`reveal-${testId}`}
          onClick={() => !reveal.busy && reveal.ask()}
        >
          <Text>{reveal.busy ? '正在查看…' : '查看号码'}</Text>
        </View>
      ) : (
        <View
          className="btn btn--plain"
          role="button"
          aria-label={`拨打${who}的电话 ${phone}`}
          data-testid={`call-${testId}`}
          onClick={() => Taro.makePhoneCall({ phoneNumber: phone })}
        >
          <Text>{callLabel}</Text>
        </View>
      )}
      <ErrorNotice error={reveal.error} />
    </>
  )
}
