/**
 * A text file read line by line in chunks, never whole: a hook log can be larger than a string can be (700 MB of
 * NDJSON), and one line can be hundreds of megabytes. A line longer than the limit is given as its length only, and
 * the lines not wanted can be counted without being decoded.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import type { Line } from '../schema/package-files.ts';

export type { Line };

const chunkBytes = 1 << 20;
const NEWLINE = 0x0a;
const RETURN = 0x0d;

export class FileLines {
  readonly #fd: number;
  readonly #maxLineBytes: number;
  readonly #chunk = Buffer.allocUnsafe(chunkBytes);
  #start = 0;
  #end = 0;
  #eof = false;
  #number = 0;
  #closed = false;

  constructor(file: string, maxLineBytes: number) {
    this.#fd = openSync(file, 'r');
    this.#maxLineBytes = maxLineBytes;
  }

  /** Reads the next chunk into the buffer (what is left of the last one is given up: the caller has kept it). */
  #fill(): boolean {
    if (this.#eof) return false;
    this.#start = 0;
    this.#end = readSync(this.#fd, this.#chunk, 0, chunkBytes, null);
    if (this.#end === 0) this.#eof = true;
    return this.#end > 0;
  }

  /** The next line, or null after the last. */
  next(): Line | null {
    const parts: Buffer[] = [];
    let bytes = 0;
    let any = false;
    for (;;) {
      if (this.#start >= this.#end && !this.#fill()) break;
      any = true;
      const at = this.#chunk.indexOf(NEWLINE, this.#start);
      const stop = at < 0 || at >= this.#end ? this.#end : at;
      const length = stop - this.#start;
      // Past the limit the line is only measured: nothing more of it is kept.
      if (bytes + length <= this.#maxLineBytes) parts.push(Buffer.from(this.#chunk.subarray(this.#start, stop)));
      else parts.length = 0;
      bytes += length;
      this.#start = stop;
      if (stop < this.#end) {
        this.#start += 1;
        return this.#line(parts, bytes);
      }
    }
    if (!any) return null;
    return this.#line(parts, bytes);
  }

  #line(parts: Buffer[], bytes: number): Line {
    this.#number += 1;
    if (bytes > this.#maxLineBytes) return { number: this.#number, bytes };
    let text = Buffer.concat(parts, bytes).toString('utf8');
    if (text.endsWith('\r')) text = text.slice(0, -1);
    if (this.#number === 1 && text.startsWith('\uFEFF')) text = text.slice(1);
    return { number: this.#number, text };
  }

  /** How many of the lines not given yet hold anything (not only a line ending); the file is read to its end, not decoded. */
  countRest(): number {
    let count = 0;
    let lineHasBytes = false;
    for (;;) {
      if (this.#start >= this.#end && !this.#fill()) break;
      const at = this.#chunk.indexOf(NEWLINE, this.#start);
      const stop = at < 0 || at >= this.#end ? this.#end : at;
      if (stop - this.#start > 1 || (stop - this.#start === 1 && this.#chunk[this.#start] !== RETURN)) lineHasBytes = true;
      if (stop < this.#end) {
        if (lineHasBytes) count += 1;
        lineHasBytes = false;
        this.#start = stop + 1;
      } else {
        this.#start = stop;
      }
    }
    if (lineHasBytes) count += 1;
    return count;
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    closeSync(this.#fd);
  }
}
