"use strict";
// Stand-in for the sanitize-filename package (not installed in the sandbox), written for redline's harness, with
// the package's rules: path separators, reserved and control characters are replaced, "." and ".." and Windows
// device names become the replacement, trailing dots and spaces go, and the result is cut to 255 bytes.
function sanitize(input, options) {
  if (typeof input !== "string") throw new Error("Input must be string");
  const replacement = (options && options.replacement) || "";
  const run = (text, rep) => {
    let out = text
      .replace(/[\/\?<>\\:\*\|"]/g, rep)
      .replace(/[\x00-\x1f\x80-\x9f]/g, rep)
      .replace(/^\.+$/, rep)
      .replace(/^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i, rep)
      .replace(/[\. ]+$/, rep);
    while (Buffer.byteLength(out) > 255) out = out.slice(0, -1);
    return out;
  };
  const first = run(input, typeof replacement === "function" ? replacement : () => replacement);
  return replacement === "" ? first : run(first, "");
}
module.exports = sanitize;
module.exports.default = sanitize;
