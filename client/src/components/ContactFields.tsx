/**
 * The reporter's own name and phone, asked once: prefilled from what they let us keep, editable,
 * kept again only while "记住" is on. In WeChat a mini-program that qualifies offers WeChat's
 * phone-number button (the number WeChat vouches for); everywhere the number can be typed.
 */
import { Button, Text, View } from '@tarojs/components'
import { LIMITS } from '@shared/schemas/limits'
import { residents } from '../services/api'
import TextField from './TextField'
import Toggle from './Toggle'

export interface Contact {
  name: string
  phone: string
  remember: boolean
}

interface Props {
  value: Contact
  onChange: (c: Contact) => void
  onProblem: (text: string) => void
}

export default function ContactFields({ value, onChange, onProblem }: Props) {
  const set = (patch: Partial<Contact>) => onChange({ ...value, ...patch })
  return (
    <View className="contact-fields" aria-label="您的联系方式">
      <TextField
        label="您的称呼（可不填）"
        value={value.name}
        onInput={(name) => set({ name })}
        max={LIMITS.nameMax}
        multiline={false}
        placeholder="例如：张大伯"
        testId="contact-name"
      />
      <TextField
        label="联系电话（方便网格员联系您）"
        value={value.phone}
        onInput={(phone) => set({ phone })}
        max={11}
        multiline={false}
        type="number"
        testId="contact-phone"
      />
      {process.env.TARO_ENV === 'weapp' && (
        <Button
          className="btn btn--plain"
          openType="getPhoneNumber"
          aria-label="使用微信绑定的手机号"
          onGetPhoneNumber={(e) => {
            const code = (e.detail as { code?: string }).code
            if (!code) return // declined: typing still works
            residents.phoneFromWeChat(code).then((r) => {
              if (r.ok) set({ phone: r.data.phone })
              else onProblem(r.error.message)
            })
          }}
        >
          <Text>使用微信绑定的手机号</Text>
        </Button>
      )}
      <Toggle
        label="记住我的称呼和电话"
        hint="下次上报自动填好；关掉就不再保存"
        value={value.remember}
        onChange={(remember) => set({ remember })}
      />
    </View>
  )
}
