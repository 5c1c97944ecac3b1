/* The quizzes of a syllabus builder selection as one file, made in the browser (the site has no
 * server): the pieces topicgraph/lms.py publishes in lms/quizzes.js, joined as lms.py joins them, and
 * for QTI zipped as Python's zipfile zips lms.qti_package() (stored entries dated 1980-01-01), so the
 * bytes are those the build would write for the same topics. course.js loads this file on demand and
 * calls window.topicgraphQuizFile(data, format, ids) -> {name, blob}.
 */
(() => {
  function xmlText(text) {  // as topicgraph/lms.py fill() writes a title
    return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
      .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  function fill(template, ident, title) {
    return template.split("{ident}").join(ident).split("{title}").join(xmlText(title));
  }

  function selectionIdent(key, ids) {  // FNV-1a over the sorted ids, as topicgraph/lms.py selection_ident()
    let digest = 0x811c9dc5;
    for (const byte of new TextEncoder().encode([...ids].sort().join(","))) {
      digest = Math.imul(digest ^ byte, 0x01000193) >>> 0;
    }
    return `${key}.selection-${digest.toString(16).padStart(8, "0")}`;
  }

  let crcTable = null;
  function crc32(bytes) {
    if (!crcTable) {
      crcTable = new Uint32Array(256);
      for (let n = 0; n < 256; n++) {
        let c = n;
        for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
        crcTable[n] = c >>> 0;
      }
    }
    let crc = 0xffffffff;
    for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff] ^ (crc >>> 8);
    return (crc ^ 0xffffffff) >>> 0;
  }

  // A zip of stored entries dated 1980-01-01, the bytes Python's zipfile writes for lms.qti_package().
  function storedZip(entries) {
    const encoder = new TextEncoder();
    const parts = [];
    const central = [];
    let offset = 0;
    for (const [name, text] of entries) {
      const nameBytes = encoder.encode(name);
      const data = encoder.encode(text);
      const crc = crc32(data);
      const local = new DataView(new ArrayBuffer(30));
      [[0, 0x04034b50, 4], [4, 20, 2], [6, 0, 2], [8, 0, 2], [10, 0, 2], [12, 33, 2], [14, crc, 4],
        [18, data.length, 4], [22, data.length, 4], [26, nameBytes.length, 2], [28, 0, 2]]
        .forEach(([at, value, size]) => (size === 4 ? local.setUint32(at, value, true) : local.setUint16(at, value, true)));
      const record = new DataView(new ArrayBuffer(46));
      [[0, 0x02014b50, 4], [4, 0x0314, 2], [6, 20, 2], [8, 0, 2], [10, 0, 2], [12, 0, 2], [14, 33, 2],
        [16, crc, 4], [20, data.length, 4], [24, data.length, 4], [28, nameBytes.length, 2], [30, 0, 2],
        [32, 0, 2], [34, 0, 2], [36, 0, 2], [38, 0o644 << 16 >>> 0, 4], [42, offset, 4]]
        .forEach(([at, value, size]) => (size === 4 ? record.setUint32(at, value, true) : record.setUint16(at, value, true)));
      parts.push(local, nameBytes, data);
      central.push(record, nameBytes);
      offset += 30 + nameBytes.length + data.length;
    }
    const size = central.reduce((sum, part) => sum + part.byteLength, 0);
    const end = new DataView(new ArrayBuffer(22));
    [[0, 0x06054b50, 4], [4, 0, 2], [6, 0, 2], [8, entries.length, 2], [10, entries.length, 2],
      [12, size, 4], [16, offset, 4], [20, 0, 2]]
      .forEach(([at, value, n]) => (n === 4 ? end.setUint32(at, value, true) : end.setUint16(at, value, true)));
    return new Blob([...parts, ...central, end], { type: "application/zip" });
  }

  function quizFile(data, format, ids) {
    const quizzes = ids.map((id) => data.topics[id]).filter(Boolean);
    const t = data.templates;
    const ident = selectionIdent(data.key, ids);
    if (format === "moodle") {
      const xml = t.moodleHead + quizzes.map((q) => q.moodle).join("") + t.moodleTail;
      return { name: `${ident}.moodle.xml`, blob: new Blob([xml], { type: "application/xml" }) };
    }
    const title = `${data.courseTitle}: quizzes on ${quizzes.length} topic${quizzes.length === 1 ? "" : "s"}`;
    const assessment = fill(t.qtiHead, ident, title) + quizzes.map((q) => q.qti).join("") + t.qtiTail;
    const blob = storedZip([["imsmanifest.xml", fill(t.manifest, ident, "")], [`${ident}/${ident}.xml`, assessment]]);
    return { name: `${ident}.qti.zip`, blob };
  }

  window.topicgraphQuizFile = quizFile;
})();
