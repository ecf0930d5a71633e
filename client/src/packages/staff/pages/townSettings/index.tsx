/**
 * 本镇设置 (the grid office only): 事项分类与时限, 督办设置, 消息模板, 节假日与调休, one section at a
 * time (`?section=calendar` opens the holidays, as the office home's calendar warning does). A save
 * applies to reports made afterwards; open tickets keep their deadlines. Each save is on the audit log.
 */
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import ErrorNotice from '../../../../components/ErrorNotice'
import Loading from '../../../../components/Loading'
import PageShell from '../../../../components/PageShell'
import { useAction } from '../../../../hooks/useAction'
import { roster } from '../../../../services/api'
import type { SaveTownConfig, TownConfigView } from '../../../../services/townConfigTypes'
import CalendarSettings from '../../components/townSettings/CalendarSettings'
import CategorySettings from '../../components/townSettings/CategorySettings'
import LadderSettings from '../../components/townSettings/LadderSettings'
import TemplateSettings from '../../components/townSettings/TemplateSettings'
import Segments from '../../components/Segments'

const SECTIONS = [
  ['categories', '分类与时限'],
  ['ladder', '督办设置'],
  ['templates', '消息模板'],
  ['calendar', '节假日调休'],
] as const
type Section = (typeof SECTIONS)[number][0]

export default function TownSettings() {
  const { params } = useRouter()
  const first = SECTIONS.find(([s]) => s === params.section)?.[0] ?? 'categories'
  const [section, setSection] = useState<Section>(first)
  const [config, setConfig] = useState<TownConfigView | null>(null)
  const [loadError, setLoadError] = useState<Parameters<typeof ErrorNotice>[0]['error']>(null)
  const [done, setDone] = useState('')
  const action = useAction()

  const load = () =>
    roster.townConfig().then((r) => {
      if (r.ok) setConfig(r.data)
      else setLoadError(r.error)
    })
  useEffect(() => {
    load()
  }, [])

  const save = async (p: SaveTownConfig, what: string): Promise<boolean> => {
    setDone('')
    const r = await action.run(() => roster.saveTownConfig(p))
    if (!r) return false
    setConfig(r.config)
    setDone(`${what}已保存，以后上报的事项按新设置办理`)
    // the notice is at the top; a long list leaves the office scrolled far below it
    Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
    return true
  }

  return (
    <PageShell label="本镇设置">
      <Text className="title">本镇设置</Text>
      <Segments
        label="设置项"
        options={SECTIONS}
        value={section}
        onChange={(s) => {
          setSection(s)
          setDone('')
          action.setError(null)
        }}
        testId="settings-section"
      />
      {done && (
        <View className="notice notice--ok" role="status" data-testid="settings-done">
          <Text>✓ {done}</Text>
        </View>
      )}
      <ErrorNotice error={action.error} />
      {config === null ? (
        loadError ? (
          <ErrorNotice error={loadError} onRetry={load} />
        ) : (
          <Loading />
        )
      ) : section === 'categories' ? (
        <CategorySettings
          categories={config.categories}
          busy={action.busy}
          onSave={(categories) => save({ categories }, '事项分类与时限')}
        />
      ) : section === 'ladder' ? (
        <LadderSettings
          ladder={config.ladder}
          busy={action.busy}
          onSave={(ladder) => save({ ladder }, '督办设置')}
        />
      ) : section === 'templates' ? (
        <TemplateSettings
          templates={config.templates}
          busy={action.busy}
          onSave={(ids) =>
            save({ templateIds: ids as NonNullable<SaveTownConfig['templateIds']> }, '消息模板')
          }
        />
      ) : (
        <CalendarSettings
          calendar={config.calendar}
          busy={action.busy}
          onSave={(year, overrides) => save({ calendar: { year, overrides } }, `${year} 年的节假日与调休`)}
        />
      )}
    </PageShell>
  )
}
