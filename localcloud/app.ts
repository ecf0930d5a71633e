/** The local cloud's parts, wired together (everything but the HTTP routing). */
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { VirtualClock } from './clock'
import type { Config } from './config'
import { DatabaseService } from './db'
import { FunctionHost, type Invocation } from './host'
import { WorkerPool } from './host/pool'
import { FunctionRegistry } from './host/registry'
import { Faults } from './openapi/faults'
import type { WordList } from './openapi/secCheck'
import { SubscribeService, type Template } from './openapi/subscribe'
import bundledTemplates from './openapi/templates.json'
import bundledWords from './openapi/wordlist.json'
import { seed } from './seed'
import { FileStore } from './storage/store'
import { StorageWire } from './storage/wire'
import { TimerScheduler } from './timers'
import { WebhookSink } from './webhooks/sink'

export class App {
  readonly clock: VirtualClock
  readonly db: DatabaseService
  readonly registry: FunctionRegistry
  readonly pool: WorkerPool
  readonly host: FunctionHost
  readonly timers: TimerScheduler
  readonly store: FileStore
  readonly storageWire: StorageWire
  readonly subscribe: SubscribeService
  readonly faults = new Faults()
  readonly webhooks: WebhookSink
  readonly words: WordList
  private port = 0

  constructor(readonly config: Config) {
    mkdirSync(config.dataDir, { recursive: true })
    this.clock = new VirtualClock(config.dataDir)
    this.db = DatabaseService.open(join(config.dataDir, 'db'), { now: () => this.clock.now() })
    this.registry = new FunctionRegistry(config.functionsDir, config.timeoutOverrideMs)
    this.pool = new WorkerPool({
      workerPath: join(__dirname, 'worker.cjs'),
      size: config.poolSize,
      min: config.poolMin,
      env: (workerId) => this.workerEnv(workerId),
    })
    this.host = new FunctionHost(this.registry, this.pool, () => this.clock.now(), config.envId)
    this.timers = new TimerScheduler(this.registry, this.host, this.clock, config.appId)
    this.store = new FileStore(
      config.dataDir,
      config.envId,
      config.bucket,
      () => this.baseUrl,
      () => this.clock.now(),
    )
    this.storageWire = new StorageWire(this.store, () => this.baseUrl)
    const templates = readJson<{ templates: Template[] }>(process.env.TEMPLATES_FILE) ?? bundledTemplates
    this.subscribe = new SubscribeService(config.dataDir, templates.templates, () => this.clock.now())
    this.webhooks = new WebhookSink(config.dataDir, () => this.clock.now())
    this.words = readJson<WordList>(process.env.WORDLIST_FILE) ?? bundledWords
    this.clock.onChange((offset) => this.pool.setClockOffset(offset))
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`
  }

  /** Starts workers and timers once the HTTP server listens on `port`. */
  start(port: number): void {
    this.port = port
    this.pool.setClockOffset(this.clock.offsetMs)
    this.pool.start()
    this.timers.start(this.config.timerTickMs)
  }

  /** True when DATA_DIR holds nothing yet (first start). */
  static isFresh(dataDir: string): boolean {
    return !existsSync(dataDir) || readdirSync(dataDir).length === 0
  }

  invokeAdmin(name: string, event: Record<string, unknown>): Promise<Invocation | null> {
    return this.host.invoke({
      name,
      event,
      kind: 'admin',
      identity: { appid: this.config.appId, source: 'wx_trigger' },
    })
  }

  seed(): Promise<void> {
    return seed({
      invoke: (name, event) => this.invokeAdmin(name, event),
      log: (m) => console.log(`[localcloud] ${m}`),
      db: { insert: (collection, docs) => this.db.insertDocuments(collection, docs) },
      now: () => this.clock.now(),
    })
  }

  /** Wipes database, storage, subscriptions, faults and the clock, then seeds again. */
  async reset(): Promise<void> {
    this.db.wipe()
    this.store.wipe()
    this.subscribe.wipe()
    this.faults.clear()
    this.webhooks.wipe()
    this.clock.reset()
    this.timers.reset()
    await this.seed()
  }

  async close(): Promise<void> {
    this.timers.stop()
    await this.pool.close()
    this.db.close()
  }

  private workerEnv(workerId: string): Record<string, string> {
    const { envId, functionsDir, repoRoot } = this.config
    return {
      LOCALCLOUD_URL: this.baseUrl,
      LOCALCLOUD_WORKER_ID: workerId,
      LOCALCLOUD_FUNCTIONS_DIR: functionsDir,
      LOCALCLOUD_SDK_PATH: require.resolve('wx-server-sdk', { paths: [repoRoot] }),
      // the SDK sends every request to this URL (@cloudbase/node-sdk getServerInjectUrl)
      TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${this.baseUrl}/tcb/w/${workerId}` }),
      TCB_ENV: envId,
      SCF_NAMESPACE: envId,
      // skips the metadata.tencentyun.com probe before every request
      TENCENTCLOUD: 'true',
      // dummy credentials: without them every call also raises an unhandled rejection
      TENCENTCLOUD_SECRETID: 'local',
      TENCENTCLOUD_SECRETKEY: 'local',
      // 企业微信 group robots post to the local sink instead of qyapi.weixin.qq.com
      WECOM_WEBHOOK_BASE: `${this.baseUrl}/__wecom`,
    }
  }
}

function readJson<T>(file: string | undefined): T | null {
  return file ? (JSON.parse(readFileSync(file, 'utf8')) as T) : null
}
