/**
 * 村和网格 (the grid office only): the town's villages and their grids; add a village or a grid,
 * or rename one (its people, residents and tickets stay with it); merge or split a grid
 * (GridChange.tsx). Each change is on the audit log.
 */
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import BigButton from '../../../../components/BigButton'
import ErrorNotice from '../../../../components/ErrorNotice'
import Loading from '../../../../components/Loading'
import PageShell from '../../../../components/PageShell'
import TextField from '../../../../components/TextField'
import { useAction } from '../../../../hooks/useAction'
import { residents, roster, type Place } from '../../../../services/api'
import { MergeGrid, SplitGrid } from './GridChange'

type Editing = { kind: 'village' | 'grid'; id?: string; villageId?: string; name: string } | null

export default function Structure() {
  const [villages, setVillages] = useState<Place[] | null>(null)
  const [open, setOpen] = useState<Place | null>(null)
  const [grids, setGrids] = useState<Place[]>([])
  const [editing, setEditing] = useState<Editing>(null)
  const [changing, setChanging] = useState<{ kind: 'merge' | 'split'; grid: Place } | null>(null)
  const [done, setDone] = useState('')
  const action = useAction()

  const loadVillages = () => residents.villages().then((r) => r.ok && setVillages(r.data.items))
  const loadGrids = (v: Place) => residents.grids(v._id).then((r) => r.ok && setGrids(r.data.items))
  useEffect(() => {
    loadVillages()
  }, [])
  useEffect(() => {
    if (open) loadGrids(open)
  }, [open])

  const save = () => {
    if (!editing) return
    const name = editing.name.trim()
    const call =
      editing.kind === 'village'
        ? () => roster.saveVillage({ villageId: editing.id, name })
        : () => roster.saveGrid({ gridId: editing.id, villageId: editing.villageId as string, name })
    action.run<unknown>(call).then((r) => {
      if (!r) return
      setDone(`${editing.id ? '已改名为' : '已新增'}“${name}”`)
      setEditing(null)
      loadVillages()
      if (open) loadGrids(open)
    })
  }

  const row = (p: Place, kind: 'village' | 'grid') => (
    <View key={p._id} className="btn-link" data-testid={`${kind}-${p._id}`}>
      <View
        role="button"
        aria-label={kind === 'village' ? `打开${p.name}` : p.name}
        onClick={() => kind === 'village' && setOpen(p)}
      >
        <Text>{p.name}</Text>
      </View>
      <View
        role="button"
        aria-label={`给${p.name}改名`}
        onClick={() => setEditing({ kind, id: p._id, villageId: open?._id, name: p.name })}
      >
        <Text>改名 ›</Text>
      </View>
      {kind === 'grid' && (
        <>
          <View role="button" aria-label={`合并${p.name}`} onClick={() => startChange('merge', p)}>
            <Text>合并 ›</Text>
          </View>
          <View role="button" aria-label={`拆分${p.name}`} onClick={() => startChange('split', p)}>
            <Text>拆分 ›</Text>
          </View>
        </>
      )}
    </View>
  )

  const startChange = (kind: 'merge' | 'split', grid: Place) => {
    setDone('')
    setChanging({ kind, grid })
  }
  const changed = (message: string) => {
    setDone(message)
    setChanging(null)
    if (open) loadGrids(open)
  }

  return (
    <PageShell label="村和网格">
      <Text className="title">{open ? open.name : '村和网格'}</Text>
      {done && (
        <View className="notice notice--ok" role="status" data-testid="structure-done">
          <Text>✓ {done}</Text>
        </View>
      )}
      <ErrorNotice error={action.error} />
      {changing?.kind === 'merge' ? (
        <MergeGrid grid={changing.grid} grids={grids} onDone={changed} onCancel={() => setChanging(null)} />
      ) : changing?.kind === 'split' ? (
        <SplitGrid grid={changing.grid} onDone={changed} onCancel={() => setChanging(null)} />
      ) : editing ? (
        <>
          <TextField
            label={editing.id ? '新名称' : editing.kind === 'village' ? '村（社区）名称' : '网格（组）名称'}
            value={editing.name}
            onInput={(name) => setEditing({ ...editing, name })}
            max={20}
            multiline={false}
            testId="place-name"
          />
          <BigButton busy={action.busy} onClick={save} testId="save-place">
            保存
          </BigButton>
          <BigButton kind="plain" onClick={() => setEditing(null)}>
            取消
          </BigButton>
        </>
      ) : open ? (
        <>
          {grids.map((g) => row(g, 'grid'))}
          <BigButton
            onClick={() => setEditing({ kind: 'grid', villageId: open._id, name: '' })}
            testId="add-grid"
          >
            新增网格（组）
          </BigButton>
          <BigButton
            kind="plain"
            onClick={() => {
              setOpen(null)
              setDone('')
            }}
          >
            返回全部村
          </BigButton>
        </>
      ) : villages === null ? (
        <Loading />
      ) : (
        <>
          {villages.map((v) => row(v, 'village'))}
          <BigButton onClick={() => setEditing({ kind: 'village', name: '' })} testId="add-village">
            新增村（社区）
          </BigButton>
        </>
      )}
    </PageShell>
  )
}
