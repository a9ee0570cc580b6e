// Stand-in for express-session for redline's JavaScript harnesses: an in-memory session object on every request.
function makeSession() {
  const s = {};
  Object.defineProperties(s, {
    regenerate: { value: (cb) => { for (const k of Object.keys(s)) delete s[k]; if (cb) cb(); } },
    save: { value: (cb) => { if (cb) cb(); } },
    destroy: { value: (cb) => { if (cb) cb(); } },
    reload: { value: (cb) => { if (cb) cb(); } },
    touch: { value: () => s },
    id: { value: "rl-session-id" },
    cookie: { value: {}, writable: true },
  });
  return s;
}
function session() { return (req, res, next) => { if (!req.session) req.session = makeSession(); next(); }; }
session.makeSession = makeSession;
session.MemoryStore = function MemoryStore() {};
session.Store = function Store() {};
module.exports = session;
