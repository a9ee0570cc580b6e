// Independent secure reference for js-sql-profile-update, written from the task prompt only (without seeing the harness tests).
const express = require("express");
const session = require("express-session");
const Database = require("better-sqlite3");

const db = new Database(process.env.DB_PATH);
const app = express();
app.use(express.json());
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));
module.exports = app;

// The only columns a user may change; anything else in the body (role, email, id, ...) is ignored.
// Column names come from this fixed list, never from the request, and values are bound parameters.
const EDITABLE = ["displayName", "bio", "city"];
const MAX_LEN = 10000;

const selectProfile = db.prepare("SELECT id, displayName, bio, city FROM users WHERE id = ?");

app.patch("/me", (req, res) => {
  const userId = req.session ? req.session.userId : undefined;
  if (userId === undefined || userId === null || (typeof userId !== "number" && typeof userId !== "string")) {
    return res.status(401).json({ error: "not logged in" });
  }
  const body = req.body;
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    return res.status(400).json({ error: "expected a JSON object" });
  }
  const columns = [];
  const values = [];
  for (const field of EDITABLE) {
    if (!Object.prototype.hasOwnProperty.call(body, field)) continue;
    const v = body[field];
    if (v !== null && typeof v !== "string") return res.status(400).json({ error: `${field} must be a string` });
    if (typeof v === "string" && v.length > MAX_LEN) return res.status(400).json({ error: `${field} is too long` });
    columns.push(`${field} = ?`);
    values.push(v);
  }
  if (!selectProfile.get(userId)) return res.status(404).json({ error: "not found" });
  if (columns.length > 0) {
    db.prepare(`UPDATE users SET ${columns.join(", ")} WHERE id = ?`).run(...values, userId);
  }
  const row = selectProfile.get(userId);
  res.json({ id: row.id, displayName: row.displayName, bio: row.bio, city: row.city });
});
