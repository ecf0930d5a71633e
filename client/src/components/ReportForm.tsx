/**
 * The report: a category tile, a few words (or a voice note), photos, where, who to reach, one tap.
 * The subscribe permission is asked from that tap, before submitting (WeChat allows it only there).
 * `proxy`: an informant or grid worker reporting for a named neighbour (代报), in the neighbour's grid.
 *
 * A resident's form is kept as a draft on the phone while it is filled in (lib/drafts.ts): leaving
 * the page, closing the app or a failed send loses nothing, and the home page can send it later
 * with the same request id (one ticket at most).
 */
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { VoiceNote } from '@shared/model/ticket'
import { LIMITS } from '@shared/schemas/limits'
import { residents, tickets, type Location, type Submitted } from '../services/api'
import { askSubscribe } from '../services/subscribe'
import { dropDraft, keepDraft } from '../services/drafts'
import { submitInputOf, type DraftPhoto, type ReportDraft } from '../lib/drafts'
import { newClientRequestId } from '../lib/ids'
import { useAction } from '../hooks/useAction'
import { useTownChoices } from '../hooks/useTownChoices'
import BigButton from './BigButton'
import CategoryTiles from './CategoryTiles'
import ContactFields, { type Contact } from './ContactFields'
import ErrorNotice from './ErrorNotice'
import PhotoPicker from './PhotoPicker'
import PlaceField from './PlaceField'
import TextField, { overLimit } from './TextField'
import Toggle from './Toggle'
import VoiceRecorder from './VoiceRecorder'

interface Props {
  openid: string
  gridId?: string
  proxy?: boolean
  /** A kept draft to carry on with (resident reports only). */
  draft?: ReportDraft | null
  onDone: (s: Submitted) => void
}

const PHONE = /^1[3-9]\d{9}$/
const NO_CONTACT = '您没有留电话，网格员办好后没法联系您。可以在上面填上电话；不想留，再点一次“提交”也能发送'

export default function ReportForm({ openid, gridId, proxy, draft, onDone }: Props) {
  const [category, setCategory] = useState(draft?.categoryCode ?? '')
  const [text, setText] = useState(draft?.description ?? '')
  const [photos, setPhotos] = useState<string[]>([])
  const [draftPhotos, setDraftPhotos] = useState<DraftPhoto[]>(draft?.photos ?? [])
  const [uploading, setUploading] = useState(false)
  const [voice, setVoice] = useState<VoiceNote | null>(draft?.voice ?? null)
  const [voiceBusy, setVoiceBusy] = useState(false)
  const [location, setLocation] = useState<Location | null>(draft?.location ?? null)
  const [anonymous, setAnonymous] = useState(draft?.anonymous ?? false)
  const [contact, setContact] = useState<Contact>({
    name: draft?.contact?.name ?? '',
    phone: draft?.contact?.phone ?? '',
    remember: false,
  })
  // What the resident's record holds (null: nothing kept), so an unchanged contact is not written again.
  const [kept, setKept] = useState<{ name: string; phone: string } | null>(null)
  const [neighbour, setNeighbour] = useState({ name: '', phone: '' })
  const [requestId] = useState(() => draft?.clientRequestId ?? newClientRequestId())
  const [hint, setHint] = useState('')
  const [warned, setWarned] = useState(false)
  const action = useAction()
  const town = useTownChoices()

  // Asked once: what the resident let us keep fills the form (a draft's own words win).
  useEffect(() => {
    if (proxy) return
    residents.profile().then((r) => {
      if (!r.ok || (!r.data.name && !r.data.phone)) return
      setKept({ name: r.data.name ?? '', phone: r.data.phone ?? '' })
      setContact((c) => ({
        name: c.name || r.data.name || '',
        phone: c.phone || r.data.phone || '',
        remember: true,
      }))
    })
  }, [])

  const asDraft = (): ReportDraft => ({
    kind: 'report',
    savedAt: Date.now(),
    clientRequestId: requestId,
    categoryCode: category,
    description: text,
    photos: draftPhotos,
    voice,
    location,
    anonymous,
    ...(gridId ? { gridId } : {}),
    ...(contact.name.trim() || contact.phone
      ? { contact: { name: contact.name.trim() || undefined, phone: contact.phone || undefined } }
      : {}),
  })

  useEffect(() => {
    if (!proxy) keepDraft(openid, 'report', asDraft())
  }, [category, text, draftPhotos, voice, location, anonymous, contact])

  const check = (): string => {
    if (!category) return '请先点选问题类别'
    if (voiceBusy) return '录音还没有完成，请先点“停止”，等它上传好'
    // A voice note stands in for the words (docs/architecture.md, "Elder-friendly screens").
    if (!voice && text.trim().length < LIMITS.descriptionMin)
      return `请用至少 ${LIMITS.descriptionMin} 个字说说问题，或者录一段语音`
    const long = overLimit('问题描述', text, LIMITS.descriptionMax)
    if (long) return long
    if (uploading) return '照片还在上传，请稍等'
    if (proxy && !neighbour.name.trim()) return '请填写被代报群众的姓名'
    const phone = proxy ? neighbour.phone : anonymous ? '' : contact.phone
    if (phone && !PHONE.test(phone)) return '手机号格式不对，请填写 11 位手机号'
    return ''
  }

  const rememberContact = () => {
    if (proxy || anonymous) return
    const same = kept !== null && kept.name === contact.name.trim() && kept.phone === contact.phone
    if (contact.remember && !same)
      residents.saveContact({
        remember: true,
        ...(contact.name.trim() ? { name: contact.name.trim() } : {}),
        ...(contact.phone ? { phone: contact.phone } : {}),
      })
    else if (!contact.remember && kept !== null) residents.saveContact({ remember: false })
  }

  const submit = () => {
    const problem = check()
    if (problem) return setHint(problem)
    // Said before sending, once: a report nobody can answer is allowed, but not by accident.
    if (!proxy && !anonymous && !contact.phone && !warned) {
      setWarned(true)
      return setHint(NO_CONTACT)
    }
    setHint('')
    // first, inside the tap; the town's template ids (shared's defaults until roster.me answers)
    const asked = proxy ? Promise.resolve() : askSubscribe(town.subscribeTemplates.reporter)
    const input = proxy
      ? {
          ...submitInputOf({ ...asDraft(), anonymous: false, contact: undefined }),
          photos,
          onBehalfOf: {
            name: neighbour.name.trim(),
            ...(neighbour.phone ? { phone: neighbour.phone } : {}),
          },
        }
      : { ...submitInputOf(asDraft()), photos }
    action
      .run(async () => {
        await asked
        return tickets.submit(input)
      })
      .then((s) => {
        if (!s) return // the draft stays on the phone; the home page offers to send it
        if (!proxy) dropDraft(openid, 'report')
        rememberContact()
        onDone(s)
      })
  }

  return (
    <View className="report-form">
      <Text className="section-title">1. 是什么问题？</Text>
      <CategoryTiles categories={town.categories} value={category} onChange={setCategory} />
      <Text className="section-title">2. 说几句话，拍张照</Text>
      <TextField
        label="问题描述"
        value={text}
        onInput={setText}
        max={LIMITS.descriptionMax}
        placeholder="例如：村口小桥栏杆坏了，小孩容易掉下去"
        testId="description"
      />
      <VoiceRecorder
        openid={openid}
        initial={draft?.voice ?? null}
        onChange={(v, busy) => {
          setVoice(v)
          setVoiceBusy(busy)
        }}
      />
      <PhotoPicker
        openid={openid}
        max={LIMITS.photosMax}
        label="拍照或选照片"
        initial={draft?.photos}
        onDraft={setDraftPhotos}
        onChange={(ids, busy) => {
          setPhotos(ids)
          setUploading(busy)
        }}
      />
      <Text className="section-title">3. 在哪里？</Text>
      <PlaceField value={location} onChange={setLocation} />
      {proxy ? (
        <>
          <Text className="section-title">4. 替谁反映？</Text>
          <TextField
            label="被代报群众姓名"
            value={neighbour.name}
            onInput={(name) => setNeighbour((n) => ({ ...n, name }))}
            max={LIMITS.nameMax}
            multiline={false}
            testId="proxy-name"
          />
          <TextField
            label="群众电话（可不填）"
            value={neighbour.phone}
            onInput={(phone) => setNeighbour((n) => ({ ...n, phone }))}
            max={11}
            multiline={false}
            type="number"
            testId="proxy-phone"
          />
        </>
      ) : (
        <>
          <Text className="section-title">4. 怎么联系您？</Text>
          {!anonymous && (
            <ContactFields
              value={contact}
              onChange={(c) => {
                setContact(c)
                if (c.phone) setWarned(false)
              }}
              onProblem={setHint}
            />
          )}
          <Toggle
            label="匿名上报"
            hint={anonymous ? '工作人员看不到您是谁，也没法联系您' : '匿名后工作人员看不到您的称呼和电话'}
            value={anonymous}
            onChange={setAnonymous}
          />
        </>
      )}
      {hint && (
        <View className="form-hint" role="alert" data-testid="form-hint">
          <Text>{hint}</Text>
        </View>
      )}
      <ErrorNotice error={action.error} />
      {action.error && !proxy && (
        <Text className="status" data-testid="draft-kept">
          已保存在手机上，有网络时可在首页一键发送
        </Text>
      )}
      <BigButton
        onClick={submit}
        busy={action.busy}
        label={proxy ? '提交代报' : '提交上报'}
        testId="submit-report"
      >
        {proxy ? '提交代报' : warned && !contact.phone && !anonymous ? '不留电话，直接提交' : '提交'}
      </BigButton>
    </View>
  )
}
