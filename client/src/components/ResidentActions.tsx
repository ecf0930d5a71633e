/**
 * What the reporter can do now (from the ticket's allowedCommands): rate and confirm — then a
 * thank-you —, answer the grid worker's question (待补充, kept as a draft on the phone until sent),
 * or, behind a quiet link, ask for it to be redone (重办; never offered on a closed 5★ ticket).
 */
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { LIMITS } from '@shared/schemas/limits'
import { tickets, type TicketView } from '../services/api'
import { dropDraft, keepDraft, noteDraft } from '../services/drafts'
import type { DraftPhoto } from '../lib/drafts'
import { RATING_LABELS } from '../lib/format'
import { useAction } from '../hooks/useAction'
import BigButton from './BigButton'
import ErrorNotice from './ErrorNotice'
import PhotoPicker from './PhotoPicker'
import RatingStars from './RatingStars'
import TextField, { overLimit } from './TextField'

interface Props {
  ticket: TicketView
  openid: string
  onChanged: (t: TicketView) => void
  onReload: () => void
}

/** Reopening is offered quietly, and not when the reporter already said it was very well done. */
export const reopenOffered = (t: Pick<TicketView, 'allowedCommands' | 'status' | 'rating'>): boolean =>
  t.allowedCommands.includes('reopen') && !(t.status === 'closed' && t.rating?.score === 5)

export default function ResidentActions({ ticket: t, openid, onChanged, onReload }: Props) {
  const draftKey = `supplement:${t._id}`
  const [draft] = useState(() => noteDraft(openid, draftKey, 'supplement'))
  const [score, setScore] = useState(0)
  const [comment, setComment] = useState('')
  const [reason, setReason] = useState('')
  const [reopening, setReopening] = useState(false)
  const [thanked, setThanked] = useState<number | null>(null)
  const [note, setNote] = useState(draft?.text.note ?? '')
  const [photos, setPhotos] = useState<string[]>([])
  const [draftPhotos, setDraftPhotos] = useState<DraftPhoto[]>(draft?.photos ?? [])
  const [hint, setHint] = useState('')
  const action = useAction()
  const can = (c: string) => t.allowedCommands.includes(c)
  const ref = { ticketId: t._id, expectedVersion: t.version }
  const supplementing = t.status === 'awaitingInfo' && t.isMine

  useEffect(() => {
    if (supplementing)
      keepDraft(openid, draftKey, {
        kind: 'supplement',
        savedAt: Date.now(),
        text: { note },
        photos: draftPhotos,
      })
  }, [note, draftPhotos, supplementing])

  const run = (problem: string, call: () => ReturnType<typeof tickets.confirm>, after?: () => void) => {
    setHint(problem)
    if (!problem)
      action.run(call).then((r) => {
        if (!r) return
        after?.()
        onChanged(r.ticket)
      })
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
      {thanked !== null && (
        <View className="card done" role="status" data-testid="rating-thanks">
          <Text className="done__title">谢谢您的评价！</Text>
          <Text className="card__text">
            您给了 {thanked}星（{RATING_LABELS[thanked]}
            ）。您的意见会转给网格员和镇网格办，帮助他们把事情办得更好。
          </Text>
        </View>
      )}
      {supplementing && (
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
          <PhotoPicker
            openid={openid}
            label="补充照片"
            initial={draft?.photos}
            onDraft={setDraftPhotos}
            onChange={(ids) => setPhotos(ids)}
          />
          <BigButton
            busy={action.busy}
            onClick={() =>
              run(
                note.trim().length < 2 ? '请写几句补充说明' : overLimit('补充说明', note, LIMITS.noteMax),
                () => tickets.supplement({ ...ref, note: note.trim(), photos }),
                () => dropDraft(openid, draftKey),
              )
            }
          >
            提交补充
          </BigButton>
        </View>
      )}
      {can('confirm') && !reopening && (
        <View className="card">
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
              run(
                score ? overLimit('评价', comment, LIMITS.commentMax) : '请先点星星评分',
                () =>
                  tickets.confirm({
                    ...ref,
                    rating: score,
                    ...(comment.trim() ? { comment: comment.trim() } : {}),
                  }),
                () => setThanked(score),
              )
            }
          >
            确认评价
          </BigButton>
        </View>
      )}
      {reopenOffered(t) && !reopening && (
        <View
          className="link-quiet"
          role="button"
          aria-label="问题还没解决，要求重办"
          data-testid="open-reopen"
          onClick={() => setReopening(true)}
        >
          <Text>{t.status === 'closed' ? '问题又出现了？要求重办' : '还没解决？要求重办'}</Text>
        </View>
      )}
      {reopenOffered(t) && reopening && (
        <View className="card">
          <Text className="section-title">还没解决？请说明原因</Text>
          <TextField
            label="重办原因"
            value={reason}
            onInput={setReason}
            max={LIMITS.reasonMax}
            testId="reopen-reason"
          />
          <BigButton
            busy={action.busy}
            testId="confirm-reopen"
            onClick={() =>
              run(
                reason.trim().length < 2
                  ? '请写明为什么没解决'
                  : overLimit('重办原因', reason, LIMITS.reasonMax),
                () => tickets.reopen({ ...ref, reason: reason.trim() }),
                () => setReopening(false),
              )
            }
          >
            要求重办
          </BigButton>
          <View
            className="link-quiet"
            role="button"
            aria-label="不重办了"
            onClick={() => setReopening(false)}
          >
            <Text>算了，不重办</Text>
          </View>
        </View>
      )}
    </View>
  )
}
