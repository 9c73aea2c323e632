import { connect, type Socket } from 'node:net';

type Reply = string | number | null | Reply[] | Error;

/**
 * Just enough of the Redis protocol (RESP2) to check the server before a run and to delete the run's
 * keys after it, so the bench needs no client library of its own. One command at a time.
 */
export class MiniRedis {
  private buffer = Buffer.alloc(0);
  private waiting: { resolve: (r: Reply) => void; reject: (e: Error) => void } | undefined;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.drain();
    });
    socket.on('error', (err) => this.fail(err));
    socket.on('close', () => this.fail(new Error('redis connection closed')));
  }

  static async connect(url: string): Promise<MiniRedis> {
    const u = new URL(url);
    if (u.protocol !== 'redis:') throw new Error(`the bench speaks plain redis:// only, not ${u.protocol}`);
    const socket = await new Promise<Socket>((resolve, reject) => {
      const s = connect({ host: u.hostname || '127.0.0.1', port: Number(u.port || 6379) });
      s.setTimeout(5_000, () => s.destroy(new Error(`redis at ${u.host} did not answer in 5 s`)));
      s.once('connect', () => {
        s.setTimeout(0);
        resolve(s);
      });
      s.once('error', reject);
    });
    const client = new MiniRedis(socket);
    const password = decodeURIComponent(u.password);
    if (password) {
      const user = decodeURIComponent(u.username);
      await client.command(user ? ['AUTH', user, password] : ['AUTH', password]);
    }
    const db = u.pathname.replace(/^\//, '');
    if (db) await client.command(['SELECT', db]);
    return client;
  }

  async command(args: string[]): Promise<Reply> {
    if (this.waiting) throw new Error('one redis command at a time');
    const payload = `*${args.length}\r\n` + args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('');
    const reply = new Promise<Reply>((resolve, reject) => (this.waiting = { resolve, reject }));
    this.socket.write(payload);
    const r = await reply;
    if (r instanceof Error) throw r;
    return r;
  }

  /** `redis_version` from INFO server. */
  async version(): Promise<string> {
    const info = String(await this.command(['INFO', 'server']));
    return /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown';
  }

  /** Deletes every key starting with `prefix`; returns how many. */
  async deleteByPrefix(prefix: string): Promise<number> {
    let cursor = '0';
    let deleted = 0;
    do {
      const [next, keys] = (await this.command(['SCAN', cursor, 'MATCH', `${prefix}*`, 'COUNT', '500'])) as [
        string,
        string[],
      ];
      cursor = next;
      if (keys.length > 0) deleted += Number(await this.command(['UNLINK', ...keys]));
    } while (cursor !== '0');
    return deleted;
  }

  close(): void {
    this.waiting = undefined;
    this.socket.removeAllListeners('close');
    this.socket.end();
  }

  private fail(err: Error): void {
    const w = this.waiting;
    this.waiting = undefined;
    w?.reject(err);
  }

  private drain(): void {
    if (!this.waiting) return;
    let parsed: ReturnType<typeof parse>;
    try {
      parsed = parse(this.buffer, 0);
    } catch (err) {
      this.fail(err as Error);
      this.socket.destroy();
      return;
    }
    if (!parsed) return;
    this.buffer = this.buffer.subarray(parsed.end);
    const w = this.waiting;
    this.waiting = undefined;
    w.resolve(parsed.value);
  }
}

/** One reply from `buf` at `at`, or undefined when it has not fully arrived yet. */
function parse(buf: Buffer, at: number): { value: Reply; end: number } | undefined {
  const eol = buf.indexOf('\r\n', at);
  if (eol < 0) return undefined;
  const type = String.fromCharCode(buf[at]!);
  const line = buf.toString('utf8', at + 1, eol);
  switch (type) {
    case '+':
      return { value: line, end: eol + 2 };
    case '-':
      return { value: new Error(line), end: eol + 2 };
    case ':':
      return { value: Number(line), end: eol + 2 };
    case '$': {
      const len = Number(line);
      if (len < 0) return { value: null, end: eol + 2 };
      const start = eol + 2;
      if (buf.length < start + len + 2) return undefined;
      return { value: buf.toString('utf8', start, start + len), end: start + len + 2 };
    }
    case '*': {
      const n = Number(line);
      if (n < 0) return { value: null, end: eol + 2 };
      const items: Reply[] = [];
      let end = eol + 2;
      for (let i = 0; i < n; i++) {
        const item = parse(buf, end);
        if (!item) return undefined;
        items.push(item.value);
        end = item.end;
      }
      return { value: items, end };
    }
    default:
      throw new Error(`unexpected redis reply type ${JSON.stringify(type)}`);
  }
}
