/**
 * What the reporter can do now (from the ticket's allowedCommands): rate and confirm, ask for it to
 * be redone (重办), or answer the grid worker's question (待补充).
 */
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { LIMITS } from '@shared/schemas/limits'
import { tickets, type TicketView } from '../services/api'
import { useAction } from '../hooks/useAction'
import BigButton from './BigButton'
import ErrorNotice from './ErrorNotice'
import PhotoPicker from './PhotoPicker'
import RatingStars from './RatingStars'
import TextField from './TextField'

interface Props {
  ticket: TicketView
  openid: string
  onChanged: (t: TicketView) => void
  onReload: () => void
}

export default function ResidentActions({ ticket: t, openid, onChanged, onReload }: Props) {
  const [score, setScore] = useState(0)
  const [comment, setComment] = useState('')
  const [reason, setReason] = useState('')
  const [mode, setMode] = useState<'rate' | 'reopen'>('rate')
  const [note, setNote] = useState('')
  const [photos, setPhotos] = useState<string[]>([])
  const [hint, setHint] = useState('')
  const action = useAction()
  const can = (c: string) => t.allowedCommands.includes(c)
  const ref = { ticketId: t._id, expectedVersion: t.version }

  const run = (problem: string, call: () => ReturnType<typeof tickets.confirm>) => {
    setHint(problem)
    if (!problem) action.run(call).then((r) => r && onChanged(r.ticket))
  }
  const question = [...t.timeline].reverse().find((e) => e.command === 'requestInfo')?.note

  return (
    <View className="actions">
      {action.error && (
        <ErrorNotice error={action.error} onRetry={action.error.code === 'CONFLICT' ? onReload : undefined} />
      )}
      {hint && (
        <View className="form-hint" role="alert">
          <Text>{hint}</Text>
        </View>
      )}
      {t.status === 'awaitingInfo' && t.isMine && (
        <View className="card">
          <Text className="section-title">网格员请您补充</Text>
          <Text className="card__text">{question ?? '请补充情况'}</Text>
          <TextField
            label="补充说明"
            value={note}
            onInput={setNote}
            max={LIMITS.noteMax}
            testId="supplement-note"
          />
          <PhotoPicker openid={openid} label="补充照片" onChange={(ids) => setPhotos(ids)} />
          <BigButton
            busy={action.busy}
            onClick={() =>
              run(note.trim().length < 2 ? '请写几句补充说明' : '', () =>
                tickets.supplement({ ...ref, note: note.trim(), photos }),
              )
            }
          >
            提交补充
          </BigButton>
        </View>
      )}
      {(can('confirm') || can('reopen')) && (
        <View className="card">
          <View className="seg" role="tablist">
            {can('confirm') && (
              <View
                className={mode === 'rate' ? 'seg__item seg__item--on' : 'seg__item'}
                role="tab"
                aria-selected={mode === 'rate'}
                aria-label="满意，评价"
                onClick={() => setMode('rate')}
              >
                <Text>评价</Text>
              </View>
            )}
            {can('reopen') && (
              <View
                className={mode === 'reopen' ? 'seg__item seg__item--on' : 'seg__item'}
                role="tab"
                aria-selected={mode === 'reopen'}
                aria-label="没解决，要求重办"
                onClick={() => setMode('reopen')}
              >
                <Text>没解决，重办</Text>
              </View>
            )}
          </View>
          {mode === 'rate' && can('confirm') ? (
            <>
              <Text className="section-title">问题解决了吗？请评价</Text>
              <RatingStars value={score} onChange={setScore} />
              <TextField
                label="说几句（可不填）"
                value={comment}
                onInput={setComment}
                max={LIMITS.commentMax}
                testId="rating-comment"
              />
              <BigButton
                busy={action.busy}
                testId="confirm-rating"
                onClick={() =>
                  run(score ? '' : '请先点星星评分', () =>
                    tickets.confirm({
                      ...ref,
                      rating: score,
                      ...(comment.trim() ? { comment: comment.trim() } : {}),
                    }),
                  )
                }
              >
                确认评价
              </BigButton>
            </>
          ) : (
            can('reopen') && (
              <>
                <Text className="section-title">还没解决？请说明原因</Text>
                <TextField
                  label="重办原因"
                  value={reason}
                  onInput={setReason}
                  max={LIMITS.reasonMax}
                  testId="reopen-reason"
                />
                <BigButton
                  kind="danger"
                  busy={action.busy}
                  onClick={() =>
                    run(reason.trim().length < 2 ? '请写明为什么没解决' : '', () =>
                      tickets.reopen({ ...ref, reason: reason.trim() }),
                    )
                  }
                >
                  要求重办
                </BigButton>
              </>
            )
          )}
        </View>
      )}
    </View>
  )
}
