/**
 * A curator's import of a whole knowledge pack sent as text (the importPack mutation): checked
 * first (nothing is written when the pack or a document is wrong), then loaded like a seed, with
 * the Change record (who, when, which pack) written in the same transaction as the pack.
 */
import type { Database } from '../db/database.js';
import { BadUserInputError } from '../errors.js';
import { type LoadResult, loadPack } from './load-pack.js';
import { type LoadedPack, PackError, parsePack } from './read-pack.js';

export interface PackDocument {
  /** The `file` name the pack gives the document. */
  file: string;
  text: string;
}

/** `overwriteCurated`: write the pack's values over curated ones (see LoadOptions); the result lists what was kept or dropped. */
export async function importPack(
  db: Database,
  by: string,
  packText: string,
  documents: readonly PackDocument[],
  overwriteCurated = false,
): Promise<LoadResult> {
  const files = new Map(documents.map((d) => [d.file, d.text]));
  let loaded: LoadedPack;
  try {
    loaded = await parsePack('pack', packText, async (file) => {
      const text = files.get(file);
      if (text === undefined) throw new Error(`no document "${file}" was sent with the pack`);
      return Buffer.from(text);
    });
  } catch (error) {
    if (error instanceof PackError) throw new BadUserInputError(error.message, 'pack');
    throw error;
  }
  if (loaded.pack.graph || loaded.pack.changes) {
    throw new BadUserInputError(
      'pack: this is an export (it has a graph section or a change log); restore it with npm run import -- FILE',
      'pack',
    );
  }
  const change = {
    by,
    action: 'importPack',
    target: loaded.pack.event.id,
    details: JSON.stringify({ documents: [...files.keys()], overwriteCurated }),
    source: null,
  };
  return loadPack(db, loaded, { overwriteCurated, finally: [{ statement: 'curation/record-change', params: change }] });
}
