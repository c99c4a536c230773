// Splits a JSON document into its records while it streams in, keeping each record's start line.
// Records are the elements of a top-level array, or of the first array in a wrapper object
// ({"tickets": [...]}); a top-level object with no such array is itself one record. Documents that
// follow one another (API pages appended to one file, files joined with `cat`) are read in turn.

export interface ScannedValue {
  text: string;
  line: number;
}

/** Array keys that hold the turns of one conversation: an object with these is a record, not a wrapper. */
const TURN_ARRAY_KEYS = new Set(['turns', 'messages', 'comments', 'conversation_parts', 'parts', 'utterances', 'conversations', 'thread', 'entries', 'events', 'transcript', 'lines']);

export class JsonScanner {
  private line = 1;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private topIsObject = false;
  private recordDepth = -1;
  private capture: string[] = [];
  private captureStart = -1;
  private captureLine = 0;
  private key = '';
  private keyStart = -1;
  private expectKey = false;
  private started = false;
  private finished = false;
  /** True while inside the array whose elements are the records. */
  private inRecords = false;
  /** An error met inside a chunk, thrown on the next call: the records completed before it are returned first. */
  private failure: ScanError | undefined;

  /** Feeds one chunk; returns the records completed inside it, up to an error if one is met. */
  push(chunk: string): ScannedValue[] {
    if (this.failure) throw this.failure;
    const out: ScannedValue[] = [];
    try {
      this.scan(chunk, out);
    } catch (error) {
      if (!(error instanceof ScanError)) throw error;
      this.failure = error;
    }
    return out;
  }

  private scan(chunk: string, out: ScannedValue[]): void {
    if (this.captureStart < 0 && this.capturing()) this.captureStart = 0;
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk.charCodeAt(i);
      if (ch === 10) this.line += 1;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (ch === 92) this.escaped = true;
        else if (ch === 34) {
          this.inString = false;
          if (this.keyStart >= 0) {
            this.key += chunk.slice(this.keyStart, i);
            this.keyStart = -1;
          }
        }
        continue;
      }
      if (ch === 32 || ch === 10 || ch === 13 || ch === 9) continue;
      if (this.finished) {
        if (ch !== 91 && ch !== 123) throw new ScanError('unexpected text after the end of the JSON document', this.line);
        this.restart();
      }
      if (!this.started) this.begin(ch, i);
      if (this.inRecords && this.depth === this.recordDepth && this.captureStart < 0 && ch !== 44 && ch !== 93) {
        this.captureStart = i;
        this.captureLine = this.line;
      }
      if (ch === 34) {
        this.inString = true;
        if (this.topIsObject && this.depth === 1 && this.expectKey) {
          this.key = '';
          this.keyStart = i + 1;
          this.expectKey = false;
        }
      } else if (ch === 123 || ch === 91) {
        if (this.topIsObject && this.depth === 1 && ch === 91 && this.recordDepth < 0 && !TURN_ARRAY_KEYS.has(this.key.toLowerCase())) {
          this.recordDepth = 2;
          this.inRecords = true;
          this.capture = [];
          this.captureStart = -1;
        }
        this.depth += 1;
        if (this.depth === 1 && this.topIsObject) this.expectKey = true;
      } else if (ch === 125 || ch === 93) {
        this.depth -= 1;
        if (this.depth < 0) throw new ScanError(`unexpected '${String.fromCharCode(ch)}'`, this.line);
        if (this.inRecords && this.depth === this.recordDepth && this.captureStart >= 0) this.emit(chunk, i + 1, out);
        else if (this.inRecords && this.depth === this.recordDepth - 1) {
          if (this.captureStart >= 0) this.emit(chunk, i, out);
          this.inRecords = false;
        }
        if (this.depth === 0) this.endDocument(chunk, i + 1, out);
      } else if (ch === 44) {
        if (this.inRecords && this.depth === this.recordDepth && this.captureStart >= 0) this.emit(chunk, i, out);
        if (this.depth === 1 && this.topIsObject) this.expectKey = true;
      }
    }
    if (this.keyStart >= 0) {
      this.key += chunk.slice(this.keyStart);
      this.keyStart = 0;
    }
    if (this.captureStart >= 0) {
      this.capture.push(chunk.slice(this.captureStart));
      this.captureStart = -1;
    }
  }

  /** Confirms the document is complete; throws naming the line where it stopped otherwise. */
  end(): void {
    if (this.failure) throw this.failure;
    if (!this.started) throw new ScanError('the file holds no JSON', this.line);
    if (this.inString || this.depth > 0) throw new ScanError('the JSON document is cut off before its end (truncated file?)', this.line);
  }

  /** Starts over for a document that follows the one just ended. */
  private restart(): void {
    this.topIsObject = false;
    this.recordDepth = -1;
    this.capture = [];
    this.captureStart = -1;
    this.key = '';
    this.keyStart = -1;
    this.expectKey = false;
    this.started = false;
    this.finished = false;
    this.inRecords = false;
  }

  private capturing(): boolean {
    return this.capture.length > 0;
  }

  private begin(ch: number, i: number): void {
    this.started = true;
    if (ch === 91) {
      this.recordDepth = 1;
      this.inRecords = true;
    } else if (ch === 123) {
      this.topIsObject = true;
      this.captureStart = i;
      this.captureLine = this.line;
    } else throw new ScanError('expected a JSON array or object', this.line);
  }

  private emit(chunk: string, end: number, out: ScannedValue[]): void {
    this.capture.push(chunk.slice(this.captureStart, end));
    const text = this.capture.join('').trim();
    this.capture = [];
    this.captureStart = -1;
    if (text !== '') out.push({ text, line: this.captureLine });
  }

  private endDocument(chunk: string, end: number, out: ScannedValue[]): void {
    this.finished = true;
    // A top-level object that never opened a wrapper array is a single record.
    if (this.topIsObject && this.recordDepth < 0 && this.captureStart >= 0) {
      this.recordDepth = 0;
      this.emit(chunk, end, out);
    }
    this.capture = [];
    this.captureStart = -1;
  }
}

export class ScanError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}
