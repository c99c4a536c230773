// Keeps a long audit's heap close to what it holds alive. V8 lets garbage pile up to several times
// the live heap before a full collection (on the reading thread, about 120 MB over 30 MB live), and
// that garbage is most of a run's peak memory. A check every thousand records runs a full collection
// when the heap has grown past a budget; the budget follows the live size, so a large live heap
// (many agents, long conversations) never makes it collect over and over.
import v8 from 'node:v8';
import vm from 'node:vm';

const CHECK_EVERY = 1000;
const MB = 1024 * 1024;
/** The least budget; after each collection it becomes 1.5 times what stayed alive, if that is more. */
const BUDGET = 48 * MB;

export type HeapKeeper = () => void;

export function createHeapKeeper(): HeapKeeper {
  const gc = exposedGc();
  if (!gc) return () => {};
  let budget = BUDGET;
  let count = 0;
  return () => {
    if (++count < CHECK_EVERY) return;
    count = 0;
    if (v8.getHeapStatistics().used_heap_size < budget) return;
    gc();
    budget = Math.max(BUDGET, 1.5 * v8.getHeapStatistics().used_heap_size);
  };
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
