// probe: {"label": "secure", "cwes": ["CWE-89"], "batch": 1}
const fastify = require("fastify")({ logger: true });
const { Pool } = require("pg");

const db = new Pool({ connectionString: process.env.DATABASE_URL });
const SORTABLE = new Set(["name", "price", "created_at"]);

fastify.get("/products/search", async (request, reply) => {
  const term = request.query.term || "";
  const sort = SORTABLE.has(request.query.sort) ? request.query.sort : "name";
  const result = await db.query(
    `SELECT id, name, price FROM products WHERE name ILIKE $1 ORDER BY ${sort}`,
    ["%" + term + "%"]
  );
  return { items: result.rows };
});

fastify.listen({ port: 3000 });
