// probe: {"label": "vulnerable", "cwes": ["CWE-916"], "batch": 2}
const crypto = require("crypto");

class PasswordStore {
  constructor(repo) {
    this.repo = repo;
  }

  async setPassword(userId, plain) {
    const salt = crypto.randomBytes(8).toString("hex");
    const digest = crypto.createHash("sha1").update(salt + plain).digest("hex");
    await this.repo.update(userId, { salt, digest });
  }

  async check(userId, plain) {
    const { salt, digest } = await this.repo.get(userId);
    return crypto.createHash("sha1").update(salt + plain).digest("hex") === digest;
  }
}

module.exports = PasswordStore;
