function readHeader(buf, offset) {
  const kind = buf.readUInt8(offset, true);
  const size = buf.readUInt32LE(offset + 1, true);
  return { kind, size };
}

module.exports = { readHeader };
