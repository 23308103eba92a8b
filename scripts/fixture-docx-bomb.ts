import { crc32, deflateRawSync } from 'node:zlib';

/** One entry of a zip archive, already deflated. */
interface ZipEntry {
  name: Buffer;
  deflated: Buffer;
  crc: number;
  size: number;
}

function entryOf(name: string, chunks: Iterable<Buffer>): ZipEntry {
  let crc = 0;
  let size = 0;
  const parts: Buffer[] = [];
  for (const chunk of chunks) {
    crc = crc32(chunk, crc);
    size += chunk.length;
    parts.push(chunk);
  }
  return { name: Buffer.from(name), deflated: deflateRawSync(Buffer.concat(parts), { level: 9 }), crc, size };
}

/** The fields a local header and a central directory record share (version, flags, method, time, sizes). */
function sharedFields(entry: ZipEntry): Buffer {
  const fields = Buffer.alloc(26);
  fields.writeUInt16LE(20, 0);
  fields.writeUInt16LE(0, 2);
  fields.writeUInt16LE(8, 4);
  fields.writeUInt32LE(0, 6);
  fields.writeUInt32LE(entry.crc >>> 0, 10);
  fields.writeUInt32LE(entry.deflated.length, 14);
  fields.writeUInt32LE(entry.size, 18);
  fields.writeUInt16LE(entry.name.length, 22);
  fields.writeUInt16LE(0, 24);
  return fields;
}

/** A zip archive of deflated entries, as the format's specification lays it out. */
function zipOf(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const local = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), sharedFields(entry), entry.name]);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4);
    sharedFields(entry).copy(record, 6);
    record.writeUInt32LE(offset, 42);
    central.push(record, entry.name);
    locals.push(local, entry.deflated);
    offset += local.length + entry.deflated.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const RELATIONSHIPS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

/** The body of a Word document of many short paragraphs, `megabytes` MB of XML in 1 MB pieces. */
function* documentXml(megabytes: number): Generator<Buffer> {
  yield Buffer.from(
    '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>',
  );
  const paragraph = '<w:p><w:r><w:t>The harbour 港口 grows.</w:t></w:r></w:p>';
  const piece = Buffer.from(paragraph.repeat(Math.floor((1024 * 1024) / Buffer.byteLength(paragraph))));
  for (let i = 0; i < megabytes; i++) yield piece;
  yield Buffer.from('</w:body></w:document>');
}

/**
 * A decompression bomb: a valid Word file of a few hundred KB whose document part
 * inflates to `megabytes` MB of XML.
 */
export function buildDocxBomb(megabytes: number): Buffer {
  return zipOf([
    entryOf('[Content_Types].xml', [Buffer.from(CONTENT_TYPES)]),
    entryOf('_rels/.rels', [Buffer.from(RELATIONSHIPS)]),
    entryOf('word/document.xml', documentXml(megabytes)),
  ]);
}
