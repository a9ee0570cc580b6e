// probe: {"label": "secure", "cwes": ["CWE-338"], "batch": 2}
const { randomUUID } = require("crypto");

const sessions = new Map();

function newSessionId() {
  return randomUUID();
}

function startSession(user) {
  const sid = newSessionId();
  sessions.set(sid, { user, created: Date.now() });
  return sid;
}

module.exports = { startSession, sessions };
