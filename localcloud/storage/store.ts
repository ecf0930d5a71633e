/**
 * Local cloud storage: files under DATA_DIR/storage/files/<cloudPath>, their metadata (who uploaded
 * it, size, content type) in a JSON-lines journal. A fileID is `cloud://<env>.<bucket>/<cloudPath>`.
 */
import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { HttpError } from '../http/util'
import { Journal } from '../util/jsonl'

export interface FileMeta {
  fileID: string
  path: string
  /** The mini-program user who uploaded it; null for files written by functions (admin). */
  openid: string | null
  size: number
  contentType: string
  uploadedAt: string
}

type Entry = { op: 'put'; meta: FileMeta } | { op: 'del'; path: string }

const TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  mp3: 'audio/mpeg',
  aac: 'audio/aac',
  m4a: 'audio/mp4',
  wav: 'audio/wav',
  silk: 'audio/silk',
  json: 'application/json',
  txt: 'text/plain; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
}

export function guessContentType(path: string): string {
  return TYPES[path.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream'
}

/** A cloudPath: relative, '/'-separated, no empty/./.. segments, no control characters or backslashes. */
export function checkCloudPath(path: string): string {
  const p = path.replace(/^\/+/, '')
  const control = [...p].some((ch) => ch.charCodeAt(0) < 0x20 || ch === '\\')
  const bad = !p || p.length > 1024 || control || p.split('/').some((s) => !s || s === '.' || s === '..')
  if (bad) throw new HttpError(400, 'INVALID_INPUT', `云存储路径不合法：${path}`)
  return p
}

export class FileStore {
  private readonly root: string
  private readonly journal: Journal<Entry>
  private files = new Map<string, FileMeta>()

  constructor(
    dataDir: string,
    private readonly envId: string,
    private readonly bucket: string,
    private readonly baseUrl: () => string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.root = join(dataDir, 'storage', 'files')
    this.journal = new Journal<Entry>(join(dataDir, 'storage', 'index.jsonl'))
    this.replay()
  }

  private replay(): void {
    this.files.clear()
    for (const e of this.journal.read()) {
      if (e.op === 'put') this.files.set(e.meta.path, e.meta)
      else this.files.delete(e.path)
    }
  }

  fileIdFor(path: string): string {
    return `cloud://${this.envId}.${this.bucket}/${path}`
  }

  /** The cloudPath of one of our fileIDs, or null for anything else. */
  pathOf(fileID: string): string | null {
    const prefix = `cloud://${this.envId}.${this.bucket}/`
    if (typeof fileID !== 'string' || !fileID.startsWith(prefix)) return null
    try {
      return checkCloudPath(fileID.slice(prefix.length))
    } catch {
      return null
    }
  }

  urlFor(path: string): string {
    return `${this.baseUrl()}/storage/${path.split('/').map(encodeURIComponent).join('/')}`
  }

  put(path: string, bytes: Buffer, opts: { openid: string | null; contentType?: string }): FileMeta {
    const p = checkCloudPath(path)
    const existing = this.files.get(p)
    if (existing && opts.openid && existing.openid !== opts.openid) {
      throw new HttpError(403, 'FORBIDDEN', '该文件由其他用户上传，不能覆盖')
    }
    const target = join(this.root, p)
    mkdirSync(dirname(target), { recursive: true })
    const tmp = `${target}.${process.pid}.tmp`
    writeFileSync(tmp, bytes)
    renameSync(tmp, target)
    const meta: FileMeta = {
      fileID: this.fileIdFor(p),
      path: p,
      openid: opts.openid,
      size: bytes.length,
      contentType: opts.contentType || guessContentType(p),
      uploadedAt: this.now().toISOString(),
    }
    this.files.set(p, meta)
    this.journal.append({ op: 'put', meta })
    return meta
  }

  /** Metadata and the file on disk, or null. */
  get(path: string): { meta: FileMeta; file: string } | null {
    const meta = this.files.get(path)
    const file = join(this.root, path)
    if (!meta || !existsSync(file) || !statSync(file).isFile()) return null
    return { meta, file }
  }

  delete(path: string): boolean {
    if (!this.files.has(path)) return false
    rmSync(join(this.root, path), { force: true })
    this.files.delete(path)
    this.journal.append({ op: 'del', path })
    return true
  }

  list(filter: { openid?: string } = {}): FileMeta[] {
    return [...this.files.values()].filter((m) => !filter.openid || m.openid === filter.openid)
  }

  wipe(): void {
    rmSync(join(this.root, '..'), { recursive: true, force: true })
    this.files.clear()
  }
}
