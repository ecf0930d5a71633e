/** Choose (or change) the home grid: village → group. */
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import PageShell from '../../components/PageShell'
import GridPicker from '../../components/GridPicker'
import ErrorNotice from '../../components/ErrorNotice'
import BigButton from '../../components/BigButton'
import { residents } from '../../services/api'
import { refreshMe } from '../../services/session'
import { useAction } from '../../hooks/useAction'
import { back } from '../../lib/nav'

export default function Grid() {
  const [chosen, setChosen] = useState('')
  const action = useAction()
  return (
    <PageShell label="选择网格">
      <Text className="title">选择网格</Text>
      <Text className="subtitle">选好后，您上报的事会交给这个网格的网格员办理</Text>
      <ErrorNotice error={action.error} />
      {chosen ? (
        <>
          <View className="notice notice--ok" role="status">
            <Text>✓ 已选择：{chosen}</Text>
          </View>
          <BigButton onClick={back}>完成</BigButton>
        </>
      ) : (
        <GridPicker
          onPick={(g, v) =>
            action
              .run(() => residents.setHomeGrid(g._id))
              .then((ok) => {
                if (!ok) return
                refreshMe()
                setChosen(`${v.name} ${g.name}`)
              })
          }
        />
      )}
    </PageShell>
  )
}
