// How a test starts code of this repository in a child `node`. `npm test` runs
// the tests compiled (from dist/, see scripts/build.mjs): there a child runs the
// compiled .js file as it is. Run from source (`node --import tsx --test …`),
// a child loads the .ts file through tsx.
export const COMPILED = import.meta.url.endsWith('.js');

/** Loader flags for a child that imports modules of this repository (`node -e …`). */
export const LOADER_ARGS: string[] = COMPILED ? [] : ['--import', 'tsx'];

/** A module's file name as this build names it: `x.ts` here is `x.js` when compiled. */
export const built = (path: string): string => (COMPILED ? path.replace(/\.tsx?$/, '.js') : path);

/** The node arguments that run the script at `path` (given as its .ts path, relative or absolute). */
export const nodeArgsFor = (path: string): string[] => [...LOADER_ARGS, built(path)];
