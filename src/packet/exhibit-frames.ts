/**
 * The exhibit child process's wire format, both ways: a 4-byte little-endian length, that many
 * bytes of JSON (the header, which says how long the body is), then the body (PDF bytes).
 */
export interface Frame<H> {
  header: H;
  body: Uint8Array;
}

export function encodeFrame(header: object, body: Uint8Array = new Uint8Array(0)): Buffer[] {
  const json = Buffer.from(JSON.stringify({ ...header, bodyLength: body.length }), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length, 0);
  return [length, json, Buffer.from(body.buffer, body.byteOffset, body.byteLength)];
}

/** Collects chunks and hands back whole frames; never copies a body more than once. */
export class FrameReader<H> {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private header: (H & { bodyLength: number }) | null = null;

  /** Bytes received but not yet handed back as a frame. */
  get pending(): number {
    return this.buffered;
  }

  push(chunk: Buffer): Frame<H>[] {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    const frames: Frame<H>[] = [];
    for (;;) {
      if (!this.header) {
        if (this.buffered < 4) break;
        const length = this.peek(4).readUInt32LE(0);
        if (this.buffered < 4 + length) break;
        this.take(4);
        this.header = JSON.parse(this.take(length).toString('utf8')) as H & { bodyLength: number };
      }
      if (this.buffered < this.header.bodyLength) break;
      const body = this.take(this.header.bodyLength);
      frames.push({ header: this.header, body: new Uint8Array(body.buffer, body.byteOffset, body.byteLength) });
      this.header = null;
    }
    return frames;
  }

  private peek(n: number): Buffer {
    if (this.chunks[0]!.length < n) this.chunks = [Buffer.concat(this.chunks)];
    return this.chunks[0]!.subarray(0, n);
  }

  private take(n: number): Buffer {
    if (n === 0) return Buffer.alloc(0);
    if (this.chunks[0]!.length < n) {
      // Join only as many chunks as the frame needs.
      let have = 0;
      let k = 0;
      while (have < n) have += this.chunks[k++]!.length;
      this.chunks.splice(0, k, Buffer.concat(this.chunks.slice(0, k)));
    }
    const first = this.chunks[0]!;
    const out = first.subarray(0, n);
    if (first.length === n) this.chunks.shift();
    else this.chunks[0] = first.subarray(n);
    this.buffered -= n;
    return out;
  }
}
