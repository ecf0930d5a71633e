/**
 * Add up to `max` photos; each is uploaded as soon as it is picked, so the submit tap stays quick.
 * weapp: the system picker (camera or album). h5: a file input (the dev build and browser tests).
 */
import { Image, Text, View } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'
import type { DraftPhoto } from '../lib/drafts'
import { imageExtension } from '../lib/ids'
import { chooseWithSystem, fromFiles, photoUrl, uploadPhoto, type LocalPhoto } from '../services/photos'

interface Item {
  key: string
  preview: string
  fileID?: string
  /** weapp: the local file, kept in a draft until the upload is done. */
  path?: string
  state: 'uploading' | 'done' | 'failed'
}

interface Props {
  openid: string
  max?: number
  label?: string
  /** The uploaded fileIDs, and whether an upload is still running. */
  onChange: (fileIDs: string[], uploading: boolean) => void
  /** A draft's photos: uploaded ones shown again, local ones (weapp) uploaded now. */
  initial?: DraftPhoto[]
  /** Every photo as a draft keeps it (uploaded or still local). */
  onDraft?: (photos: DraftPhoto[]) => void
}

let seq = 0

export default function PhotoPicker({
  openid,
  max = 9,
  label = '添加照片',
  onChange,
  initial,
  onDraft,
}: Props) {
  const [items, setItems] = useState<Item[]>(() =>
    (initial ?? []).flatMap((p) =>
      p.fileID
        ? [{ key: `p${++seq}`, preview: photoUrl(p.fileID), fileID: p.fileID, state: 'done' as const }]
        : [],
    ),
  )
  const input = useRef<HTMLInputElement | null>(null)

  useEffect(() => {
    const ids = items.filter((i) => i.state === 'done' && i.fileID).map((i) => i.fileID as string)
    onChange(
      ids,
      items.some((i) => i.state === 'uploading'),
    )
    onDraft?.(
      items.flatMap((i): DraftPhoto[] =>
        i.fileID ? [{ fileID: i.fileID }] : i.path ? [{ path: i.path }] : [],
      ),
    )
  }, [items])

  // A draft's photos that never reached the cloud (weapp keeps their files): upload them now.
  useEffect(() => {
    if (process.env.TARO_ENV !== 'weapp') return
    const local = (initial ?? []).flatMap((p) => (!p.fileID && p.path ? [p.path] : []))
    if (local.length > 0) add(local.map((path) => ({ file: path, preview: path, ext: imageExtension(path) })))
  }, [])

  const update = (key: string, patch: Partial<Item>) =>
    setItems((all) => all.map((i) => (i.key === key ? { ...i, ...patch } : i)))

  const add = (photos: LocalPhoto[]) => {
    const room = max - items.length
    for (const photo of photos.slice(0, room)) {
      const key = `p${++seq}`
      const path = typeof photo.file === 'string' ? photo.file : undefined
      setItems((all) => [...all, { key, preview: photo.preview, path, state: 'uploading' }])
      uploadPhoto(openid, photo).then((r) =>
        update(key, r.ok ? { state: 'done', fileID: r.data } : { state: 'failed' }),
      )
    }
  }

  const pick = async () => {
    if (process.env.TARO_ENV === 'h5') {
      input.current?.click()
      return
    }
    add(await chooseWithSystem(max - items.length))
  }

  const remove = (key: string) => setItems((all) => all.filter((i) => i.key !== key))

  return (
    <View className="picker">
      <View className="photos">
        {items.map((item, n) => (
          <View key={item.key} className="picker__item">
            <Image
              className="photos__img"
              src={item.preview}
              mode="aspectFill"
              aria-label={`已选第${n + 1}张照片`}
            />
            <Text className={`picker__state picker__state--${item.state}`}>
              {item.state === 'uploading' ? '上传中…' : item.state === 'done' ? '已上传' : '上传失败'}
            </Text>
            <View
              className="picker__remove"
              role="button"
              aria-label={`删除第${n + 1}张照片`}
              onClick={() => remove(item.key)}
            >
              <Text>删除</Text>
            </View>
          </View>
        ))}
      </View>
      {items.length < max && (
        <View
          className="btn btn--plain picker__add"
          role="button"
          aria-label={`${label}，最多${max}张`}
          onClick={pick}
        >
          <Text>
            + {label}（{items.length}/{max}）
          </Text>
        </View>
      )}
      {process.env.TARO_ENV === 'h5' && (
        <input
          ref={input}
          type="file"
          accept="image/*"
          multiple
          data-testid="photo-input"
          aria-label={label}
          style={{ display: 'none' }}
          onChange={(e) => {
            if (e.target.files) add(fromFiles(e.target.files))
            e.target.value = ''
          }}
        />
      )}
    </View>
  )
}
