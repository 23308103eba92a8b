/**
 * The lexicon packed into one buffer of typed arrays, read in place: headwords as sorted
 * UTF-16 code units (found by binary search), each with a run of stem ids into one table
 * of stem names. Loading is a file read; a text pays only for the headwords it looks up.
 *
 * Layout (Int32 counts, then the arrays, each starting at a multiple of 4 bytes):
 * headwords, units, links, name bytes | headwordStart[headwords + 1] | stemStart[headwords + 1]
 * | stemIds[links] | headwordUnits[units] (Uint16) | stem names (UTF-8, `\n`-separated).
 */
const HEADER_INTS = 4;

function padded(bytes: number): number {
  return Math.ceil(bytes / 4) * 4;
}

/** Packs headwords with their stems, in the order the stems are given. */
export function packLexicon(stemsByHeadword: ReadonlyMap<string, ReadonlySet<string>>): Uint8Array {
  const headwords = [...stemsByHeadword.keys()].sort();
  const stemIndex = new Map<string, number>();
  const links: number[] = [];
  const stemStart = new Int32Array(headwords.length + 1);
  const headwordStart = new Int32Array(headwords.length + 1);
  headwords.forEach((headword, h) => {
    for (const stem of stemsByHeadword.get(headword) ?? []) {
      if (!stemIndex.has(stem)) stemIndex.set(stem, stemIndex.size);
      links.push(stemIndex.get(stem) as number);
    }
    stemStart[h + 1] = links.length;
    headwordStart[h + 1] = (headwordStart[h] ?? 0) + headword.length;
  });
  const units = headwords.join('');
  const names = Buffer.from([...stemIndex.keys()].join('\n'), 'utf8');
  const sizes = [
    HEADER_INTS * 4,
    headwordStart.byteLength,
    stemStart.byteLength,
    links.length * 4,
    padded(units.length * 2),
    names.length,
  ];
  const packed = new Uint8Array(sizes.reduce((sum, size) => sum + size, 0));
  const ints = new Int32Array(packed.buffer, 0, HEADER_INTS + headwordStart.length * 2 + links.length);
  ints.set([headwords.length, units.length, links.length, names.length]);
  ints.set(headwordStart, HEADER_INTS);
  ints.set(stemStart, HEADER_INTS + headwordStart.length);
  ints.set(links, HEADER_INTS + headwordStart.length * 2);
  const unitOffset = ints.byteLength;
  const codeUnits = new Uint16Array(packed.buffer, unitOffset, units.length);
  for (let k = 0; k < units.length; k++) codeUnits[k] = units.charCodeAt(k);
  packed.set(names, unitOffset + padded(units.length * 2));
  return packed;
}

/** The Chinese–English lexicon: for each headword, the English stems its glosses give. */
export class Lexicon {
  private readonly headwordStart: Int32Array;
  private readonly stemStart: Int32Array;
  private readonly stemIds: Int32Array;
  private readonly units: Uint16Array;
  private readonly nameBytes: Uint8Array;
  private names: string[] | undefined;
  /** Stems of the headwords looked up so far. */
  private readonly looked = new Map<string, readonly string[]>();

  constructor(packed: Uint8Array) {
    const bytes = packed.byteOffset % 4 === 0 ? packed : packed.slice();
    const [headwords = 0, units = 0, links = 0, nameLength = 0] = new Int32Array(
      bytes.buffer,
      bytes.byteOffset,
      HEADER_INTS,
    );
    let offset = bytes.byteOffset + HEADER_INTS * 4;
    const ints = (count: number) => {
      const view = new Int32Array(bytes.buffer, offset, count);
      offset += count * 4;
      return view;
    };
    this.headwordStart = ints(headwords + 1);
    this.stemStart = ints(headwords + 1);
    this.stemIds = ints(links);
    this.units = new Uint16Array(bytes.buffer, offset, units);
    offset += padded(units * 2);
    this.nameBytes = new Uint8Array(bytes.buffer, offset, nameLength);
  }

  /** Number of headwords. */
  get size(): number {
    return this.headwordStart.length - 1;
  }

  /** Order of a query against headword h, by UTF-16 code units as Array.prototype.sort orders strings. */
  private compare(query: string, h: number): number {
    const start = this.headwordStart[h] as number;
    const length = (this.headwordStart[h + 1] as number) - start;
    const shared = Math.min(query.length, length);
    for (let k = 0; k < shared; k++) {
      const difference = query.charCodeAt(k) - (this.units[start + k] as number);
      if (difference !== 0) return difference;
    }
    return query.length - length;
  }

  /** The index of a headword, or -1. */
  private find(headword: string): number {
    let low = 0;
    let high = this.size - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const order = this.compare(headword, mid);
      if (order === 0) return mid;
      if (order < 0) high = mid - 1;
      else low = mid + 1;
    }
    return -1;
  }

  has(headword: string): boolean {
    return this.looked.has(headword) || this.find(headword) >= 0;
  }

  /** The English stems the glosses of a headword give; empty when it is not in the dictionary. */
  stemsOf(headword: string): readonly string[] {
    let stems = this.looked.get(headword);
    if (!stems) {
      const h = this.find(headword);
      this.names ??= new TextDecoder().decode(this.nameBytes).split('\n');
      const names = this.names;
      stems =
        h < 0
          ? []
          : Array.from(
              this.stemIds.subarray(this.stemStart[h], this.stemStart[h + 1]),
              (id) => names[id] as string,
            );
      this.looked.set(headword, stems);
    }
    return stems;
  }

  /** Every headword, in order (for tests and tools, not for alignment). */
  *headwords(): Generator<string> {
    for (let h = 0; h < this.size; h++) {
      yield String.fromCharCode(...this.units.subarray(this.headwordStart[h], this.headwordStart[h + 1]));
    }
  }
}
