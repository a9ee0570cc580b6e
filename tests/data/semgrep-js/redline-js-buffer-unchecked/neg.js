function readHeader(buf, offset) {
  if (offset < 0 || offset + 5 > buf.length) throw new RangeError("header out of range");
  const kind = buf.readUInt8(offset);
  const size = buf.readUInt32LE(offset + 1);
  return { kind, size };
}

module.exports = { readHeader };
