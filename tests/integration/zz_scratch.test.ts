import { initCloud, sdkDatabase, startTcbServer } from '../helpers/tcbServer'
it('probe', async () => {
  const server = await startTcbServer()
  const cloud = initCloud(server.serviceUrl)
  const db = cloud.database({ throwOnNotFound: false } as any) as any
  await db.createCollection('c')
  await db.collection('c').add({ data: { _id: 'a', n: 1 } })
  const _ = db.command
  console.log('uar', JSON.stringify(await db.collection('c').where({ _id: 'a' }).updateAndReturn({ n: _.inc(1) })))
  console.log('uar-missing', JSON.stringify(await db.collection('c').where({ _id: 'zz' }).updateAndReturn({ n: _.inc(1) })))
  console.log('wupd', JSON.stringify(await db.collection('c').where({ _id: 'a', n: _.gt(0) }).update({ data: { n: _.inc(-1) } })))
  console.log('docget-missing', JSON.stringify(await db.collection('c').doc('nope').get()))
  console.log('docupd-missing', JSON.stringify(await db.collection('c').doc('nope').update({ data: { n: 1 } })))
  const t = await db.startTransaction()
  console.log('txn add', JSON.stringify(await t.collection('c').add({ data: [{ _id: 'b', n: 1 }, { _id: 'c', n: 2 }] })))
  console.log('txn get', JSON.stringify(await t.collection('c').doc('b').get()))
  console.log('txn uar', JSON.stringify(await t.collection('c').where({ _id: 'a' }).updateAndReturn({ n: _.inc(5) })))
  try { await t.collection('c').add({ data: { _id: 'a', n: 1 } }) } catch (e: any) { console.log('dup', e.errCode, e.errMsg, e.code) }
  try { await t.commit() } catch (e: any) { console.log('commit after dup', e.code, e.message) }
  const t2 = await db.startTransaction()
  const t3 = await db.startTransaction()
  await t2.collection('c').doc('a').set({ data: { n: 10 } })
  try { await t3.collection('c').doc('a').set({ data: { n: 11 } }) } catch (e: any) { console.log('conflict', e.errCode, e.errMsg, e.code) }
  await t2.commit()
  console.log('final', JSON.stringify((await db.collection('c').get()).data))
  console.log('agg', JSON.stringify(await db.collection('c').aggregate().match({ n: _.gte(0) }).group({ _id: '$n', k: _.aggregate.sum(1) }).end()))
  await server.close()
})
