// Keeps a long audit's heap close to what it holds alive. V8 lets garbage pile up to several times
// the live heap before a full collection (on the reading thread, about 120 MB over 30 MB live), and
// that garbage is most of a run's peak memory. A check every thousand records runs a full collection
// when the old generation has grown past a budget, or when the thread has let go of a wink-nlp
// instance (text full of unseen ids renews it often); the budget follows the live size, so a large live
// heap (many agents, long conversations) never makes it collect over and over. Each collection pauses
// the thread (about 30 ms over a 55 MB live heap): alone, the reading thread can afford more room and
// fewer pauses than when workers hold their own copies of the language model.
import v8 from 'node:v8';
import vm from 'node:vm';

const CHECK_EVERY = 1000;
const MB = 1024 * 1024;
/** The least budget for the old generation; after each collection it becomes `growth` times what
 * stayed alive, if that is more. Young objects are left to V8's own fast collections. */
const BUDGET = 64 * MB;

export interface KeeperOptions {
  /** Calls between checks (a worker calls once per batch). */
  checkEvery?: number;
  /** The budget as a multiple of the live heap: 1.5 by default; 2.5 collects about half as often. */
  growth?: number;
}

export type HeapKeeper = () => void;

/** Set when this thread has let go of a large structure (a wink-nlp instance with its model tables):
 * the next check collects whatever the budget says, so that the old and the new copy are not both held
 * until the old generation reaches its budget. */
let released = false;

export function releasedLargeObject(): void {
  released = true;
}

export function createHeapKeeper({ checkEvery = CHECK_EVERY, growth = 1.5 }: KeeperOptions = {}): HeapKeeper {
  const gc = exposedGc();
  if (!gc) return () => {};
  let budget = BUDGET;
  let count = 0;
  return () => {
    if (++count < checkEvery) return;
    count = 0;
    if (!released && oldGenerationBytes() < budget) return;
    released = false;
    gc();
    budget = Math.max(BUDGET, growth * oldGenerationBytes());
  };
}

function oldGenerationBytes(): number {
  let bytes = 0;
  for (const space of v8.getHeapSpaceStatistics()) if (space.space_name === 'old_space' || space.space_name === 'large_object_space') bytes += space.space_used_size;
  return bytes;
}

let cached: (() => void) | null | undefined;

/** V8's own full collection, made reachable at run time (the same as starting Node with --expose-gc). */
function exposedGc(): (() => void) | null {
  if (cached === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc');
      cached = vm.runInNewContext('gc') as () => void;
    } catch {
      cached = null;
    }
  }
  return cached;
}
