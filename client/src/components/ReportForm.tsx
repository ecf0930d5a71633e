/**
 * The report: a category tile, a few words (or a voice note), photos, optional place and anonymity, one tap.
 * The subscribe permission is asked from that tap, before submitting (WeChat allows it only there).
 * `proxy`: an informant or grid worker reporting for a named neighbour (代报).
 */
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { VoiceNote } from '@shared/model/ticket'
import { LIMITS } from '@shared/schemas/limits'
import { tickets, type Location, type Submitted } from '../services/api'
import { askSubscribe } from '../services/subscribe'
import { newClientRequestId } from '../lib/ids'
import { useAction } from '../hooks/useAction'
import { useTownChoices } from '../hooks/useTownChoices'
import BigButton from './BigButton'
import CategoryTiles from './CategoryTiles'
import ErrorNotice from './ErrorNotice'
import PhotoPicker from './PhotoPicker'
import TextField from './TextField'
import Toggle from './Toggle'
import VoiceRecorder from './VoiceRecorder'

interface Props {
  openid: string
  gridId?: string
  proxy?: boolean
  onDone: (s: Submitted) => void
}

export default function ReportForm({ openid, gridId, proxy, onDone }: Props) {
  const [category, setCategory] = useState('')
  const [text, setText] = useState('')
  const [photos, setPhotos] = useState<string[]>([])
  const [uploading, setUploading] = useState(false)
  const [voice, setVoice] = useState<VoiceNote | null>(null)
  const [voiceBusy, setVoiceBusy] = useState(false)
  const [location, setLocation] = useState<Location | null>(null)
  const [anonymous, setAnonymous] = useState(false)
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const [requestId] = useState(newClientRequestId)
  const [hint, setHint] = useState('')
  const action = useAction()
  const town = useTownChoices()

  const locate = async () => {
    try {
      const at = await Taro.getLocation({ type: 'gcj02' })
      setLocation({ latitude: at.latitude, longitude: at.longitude })
      setHint('')
    } catch {
      setHint('没能获取位置，可以不填，在描述里写清地点即可')
    }
  }

  const check = (): string => {
    if (!category) return '请先点选问题类别'
    if (voiceBusy) return '录音还没有完成，请先点“停止”，等它上传好'
    // A voice note stands in for the words (DESIGN.md §10).
    if (!voice && text.trim().length < LIMITS.descriptionMin)
      return `请用至少 ${LIMITS.descriptionMin} 个字说说问题，或者录一段语音`
    if (uploading) return '照片还在上传，请稍等'
    if (proxy && !name.trim()) return '请填写被代报群众的姓名'
    if (phone && !anonymous && !/^1[3-9]\d{9}$/.test(phone)) return '手机号格式不对，请填写 11 位手机号'
    return ''
  }

  const submit = () => {
    const problem = check()
    setHint(problem)
    if (problem) return
    // first, inside the tap; the town's template ids (shared's defaults until roster.me answers)
    const asked = proxy ? Promise.resolve() : askSubscribe(town.subscribeTemplates.reporter)
    action
      .run(async () => {
        await asked
        return tickets.submit({
          clientRequestId: requestId,
          categoryCode: category,
          description: text.trim(),
          ...(voice ? { voice } : {}),
          photos,
          location,
          anonymous: proxy ? false : anonymous,
          ...(gridId ? { gridId } : {}),
          ...(proxy ? { onBehalfOf: { name: name.trim(), ...(phone ? { phone } : {}) } } : {}),
          ...(!proxy && !anonymous && phone ? { contact: { phone } } : {}),
        })
      })
      .then((s) => s && onDone(s))
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
        onChange={(v, busy) => {
          setVoice(v)
          setVoiceBusy(busy)
        }}
      />
      <PhotoPicker
        openid={openid}
        max={LIMITS.photosMax}
        label="拍照或选照片"
        onChange={(ids, busy) => {
          setPhotos(ids)
          setUploading(busy)
        }}
      />
      {proxy && (
        <>
          <TextField
            label="被代报群众姓名"
            value={name}
            onInput={setName}
            max={LIMITS.nameMax}
            multiline={false}
            testId="proxy-name"
          />
          <TextField
            label="群众电话（可不填）"
            value={phone}
            onInput={setPhone}
            max={11}
            multiline={false}
            type="number"
            testId="proxy-phone"
          />
        </>
      )}
      <View
        className="btn-link"
        role="button"
        aria-label={location ? '已添加位置，点按重新获取' : '添加我现在的位置（可不填）'}
        onClick={locate}
      >
        <Text>{location ? '已添加位置' : '添加位置（可不填）'}</Text>
      </View>
      {!proxy && !anonymous && (
        <TextField
          label="联系电话（可不填，方便网格员联系您）"
          value={phone}
          onInput={setPhone}
          max={11}
          multiline={false}
          type="number"
          testId="contact-phone"
        />
      )}
      {!proxy && (
        <Toggle
          label="匿名上报"
          hint="匿名后工作人员看不到您的姓名电话"
          value={anonymous}
          onChange={setAnonymous}
        />
      )}
      {hint && (
        <View className="form-hint" role="alert">
          <Text>{hint}</Text>
        </View>
      )}
      <ErrorNotice error={action.error} />
      <BigButton
        onClick={submit}
        busy={action.busy}
        label={proxy ? '提交代报' : '提交上报'}
        testId="submit-report"
      >
        {proxy ? '提交代报' : '提交'}
      </BigButton>
    </View>
  )
}
