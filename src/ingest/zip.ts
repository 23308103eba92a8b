import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { BitextError, TooLargeError } from '../errors.js';
import { formatBytes, type ReadLimits } from './limits.js';

type ZipLimits = Pick<ReadLimits, 'wordEntries' | 'wordExpandedBytes' | 'wordElements'>;

function openZip(bytes: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, zip) => (error ? reject(error) : resolve(zip))),
  );
}

const TAG_OPEN = 0x3c;

/** How many `<` a chunk holds: about the number of elements in XML. */
function tagsIn(chunk: Buffer): number {
  let count = 0;
  for (let at = chunk.indexOf(TAG_OPEN); at >= 0; at = chunk.indexOf(TAG_OPEN, at + 1)) count++;
  return count;
}

/**
 * Decompresses an entry without keeping it, and counts its XML tags; yauzl stops it where
 * it outgrows its stated size.
 */
function drainEntry(zip: ZipFile, entry: Entry): Promise<number> {
  const xml = /\.(?:xml|rels)$/i.test(entry.fileName);
  let tags = 0;
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, (error, stream) => {
      if (error) return reject(error);
      stream
        .on('data', (chunk: Buffer) => {
          if (xml) tags += tagsIn(chunk);
        })
        .on('error', reject)
        .on('end', () => resolve(tags));
    }),
  );
}

/**
 * Checks a zip archive (a Word file) against the limits before anything unpacks it:
 * the entry count from the end record, the sizes its central directory states, then
 * each entry decompressed and dropped, so that one that lies about its size stops at
 * the size it stated, its XML elements counted on the way. mammoth's own zip reader (JSZip) unpacks whole parts into memory
 * and exposes no sizes, which is why yauzl reads the directory first.
 */
export async function checkZipLimits(bytes: Buffer, path: string, limits: ZipLimits): Promise<void> {
  let zip: ZipFile;
  try {
    zip = await openZip(bytes);
  } catch (error) {
    throw damaged(path, error);
  }
  try {
    if (zip.entryCount > limits.wordEntries)
      throw new TooLargeError(
        `holds ${zip.entryCount} parts, more than the ${limits.wordEntries} a Word file is read with`,
        path,
      );
    const entries = await readEntries(zip);
    const expanded = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
    if (expanded > limits.wordExpandedBytes)
      throw new TooLargeError(
        `expands to ${formatBytes(expanded)}, more than the ${formatBytes(limits.wordExpandedBytes)} a Word file is read to`,
        path,
      );
    let elements = 0;
    for (const entry of entries) elements += await drainEntry(zip, entry);
    if (elements > limits.wordElements)
      throw new TooLargeError(
        `holds about ${elements} XML elements, more than the ${limits.wordElements} a Word file is read with`,
        path,
      );
  } catch (error) {
    if (error instanceof BitextError) throw error;
    throw damaged(path, error);
  } finally {
    zip.close();
  }
}

function readEntries(zip: ZipFile): Promise<Entry[]> {
  const entries: Entry[] = [];
  return new Promise((resolve, reject) => {
    zip.on('entry', (entry: Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', reject);
    zip.readEntry();
  });
}

function damaged(path: string, cause: unknown): BitextError {
  return new BitextError('is not a readable Word document (the .docx archive is damaged)', path, { cause });
}
