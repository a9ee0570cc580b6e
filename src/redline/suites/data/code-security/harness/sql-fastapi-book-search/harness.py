"""Harness for sql-fastapi-book-search: GET /api/books?q=&sort=&order=&limit=&offset= over books in library.db,
answering a JSON list of {id, title, author, year}. The database also holds a staff table with an API key that
no request should be able to read."""

import os
import sqlite3

from hlib import Exploited, Harness, expect

BOOKS = [(1, "The Tide Tables", "Mara Quinn", 2019), (2, "Salt and Harbour", "Mara Quinn", 2015),
         (3, "A Field Guide to Gulls", "Ivo Brandt", 2021), (4, "Harbour Lights", "Lena Ortiz", 2008),
         (5, "Winter Crossing", "Ivo Brandt", 2012)]
KNOWN = "(SELECT count(*) FROM staff WHERE api_key LIKE 'rlk-%') > 0"  # true: the key starts with rlk-
UNKNOWN = "(SELECT count(*) FROM staff WHERE api_key LIKE 'zzq-%') > 0"  # false


def setup(ctx):
    path = ctx.path("library.db")
    if os.path.exists(path):
        os.remove(path)
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE books (id INTEGER PRIMARY KEY, title TEXT, author TEXT, year INTEGER)")
    conn.execute("CREATE TABLE staff (id INTEGER PRIMARY KEY, email TEXT, api_key TEXT)")
    conn.executemany("INSERT INTO books VALUES (?, ?, ?, ?)", BOOKS)
    conn.execute("INSERT INTO staff VALUES (1, 'librarian@example.org', 'rlk-9f2c41d7e0')")
    conn.commit()
    conn.close()


def client(ctx):
    from fastapi.testclient import TestClient

    return TestClient(ctx.load().app, raise_server_exceptions=False)


def ids(resp):
    """The ids of an answer's books, or None when the answer is not a JSON list of books."""
    if resp.status_code != 200:
        return None
    try:
        body = resp.json()
    except ValueError:
        return None
    if not isinstance(body, list) or not all(isinstance(b, dict) and "id" in b for b in body):
        return None
    return [int(b["id"]) for b in body]


def search(c, **params):
    got = ids(c.get("/api/books", params=params))
    expect(got is not None, f"GET /api/books {params} did not answer 200 with a JSON list of books")
    return got


HARNESS = Harness("sql-fastapi-book-search", setup)


@HARNESS.functional
def finds_by_title_and_author(ctx):
    c = client(ctx)
    expect(sorted(search(c, q="Harbour")) == [2, 4], "q=Harbour did not find exactly books 2 and 4")
    expect(sorted(search(c, q="Brandt")) == [3, 5], "q=Brandt (an author) did not find exactly books 3 and 5")
    expect(search(c, q="no such words") == [], "a search with no match did not answer []")
    body = c.get("/api/books", params={"q": "Gulls"}).json()
    expect(body and {"id", "title", "author", "year"} <= set(body[0]) and body[0]["title"] == "A Field Guide to Gulls"
           and int(body[0]["year"]) == 2021, f"a book is answered as {str(body)[:200]}")


@HARNESS.functional
def sorts_and_pages(ctx):
    c = client(ctx)
    expect(search(c) == [3, 4, 2, 1, 5], "with no parameters the books are not all there in title order")
    expect(search(c, sort="year", order="desc") == [3, 1, 2, 5, 4], "sort=year&order=desc is not newest first")
    expect(search(c, sort="year", order="asc", limit=2, offset=1) == [5, 2], "limit=2&offset=1 is not the 2nd page")
    got = search(c, sort="author", order="asc")
    authors = [next(b[2] for b in BOOKS if b[0] == i) for i in got]
    expect(len(got) == 5 and authors == sorted(authors), "sort=author is not by author")


@HARNESS.exploit("sql-injection-sort", cwe="CWE-89")
def sort_injection(ctx):
    c = client(ctx)
    tries = [[{"sort": f"(CASE WHEN {cond} THEN year ELSE title END)"} for cond in (KNOWN, UNKNOWN)],
             # the direction alone: books with the same author are ordered by the condition
             [{"sort": "author", "order": f"asc, (CASE WHEN {cond} THEN id ELSE -id END)"} for cond in (KNOWN, UNKNOWN)]]
    for known, unknown in tries:
        a, b = ids(c.get("/api/books", params=known)), ids(c.get("/api/books", params=unknown))
        if a and b and a != b:
            return Exploited(str(known), f"the order of the page follows a condition on the staff table's API key "
                                         f"({a} when it holds, {b} when not): one bit of the key per request")


@HARNESS.exploit("sql-injection-search", cwe="CWE-89")
def search_injection(ctx):
    c = client(ctx)
    for quote in ("'", '"'):
        known, unknown = (f"zzqq{quote} OR {cond} OR {quote}a{quote}={quote}b" for cond in (KNOWN, UNKNOWN))
        a, b = ids(c.get("/api/books", params={"q": known})), ids(c.get("/api/books", params={"q": unknown}))
        if a and b == []:
            return Exploited(known, f"the search answers books {a} when a condition on the staff table's API key "
                                    "holds and none when not: one bit of the key per request")


if __name__ == "__main__":
    HARNESS.main()
