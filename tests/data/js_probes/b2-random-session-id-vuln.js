// probe: {"label": "vulnerable", "cwes": ["CWE-338"], "batch": 2}
const sessions = new Map();

function newSessionId() {
  let id = "";
  for (let i = 0; i < 4; i++) {
    id += Math.floor(Math.random() * 0xffffffff).toString(16).padStart(8, "0");
  }
  return id;
}

function startSession(user) {
  const sid = newSessionId();
  sessions.set(sid, { user, created: Date.now() });
  return sid;
}

module.exports = { startSession, sessions };
