// The one failure no reader can report: a library that waits for data that never comes (exceljs did, on
// a damaged workbook), so that Node runs out of work with the run unfinished and would exit with code 13
// and no word. The guard says so on one line, naming the input being read, and exits with 2.

let current: string | undefined;

/** Names the input being read from now on (undefined: none). */
export function nowReading(name: string | undefined): void {
  current = name;
}

/** Watches for the run to stall until the returned function is called, when it has ended. */
export function guardStall(stderr: (text: string) => void): () => void {
  const onStall = (): void => {
    stderr(`attune: ${current === undefined ? '' : `${current}: `}reading stopped before the end of the input, with no error to show: the file may be damaged.\n`);
    process.exit(2);
  };
  process.once('beforeExit', onStall);
  return () => {
    process.off('beforeExit', onStall);
    current = undefined;
  };
}
