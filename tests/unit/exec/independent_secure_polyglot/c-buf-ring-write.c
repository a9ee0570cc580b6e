/* Independent secure reference for c-buf-ring-write, written from the task prompt only (without seeing the harness tests). */
#include <stddef.h>
#include <string.h>

struct ring {
    unsigned char *data;  /* cap bytes */
    size_t cap;
    size_t head;          /* index of the oldest stored byte */
    size_t len;           /* bytes stored */
};

/* Appends up to n bytes of src after the newest stored byte (wrapping to data[0]); returns how many were
   appended (only as many as fit). Never writes outside data[0..cap) and never overwrites stored bytes;
   a ring whose len exceeds cap is refused rather than trusted. */
size_t ring_write(struct ring *r, const unsigned char *src, size_t n)
{
    if (r == NULL || r->data == NULL || r->cap == 0 || r->len > r->cap || n == 0 || src == NULL)
        return 0;
    size_t head = r->head % r->cap;
    size_t free_bytes = r->cap - r->len;
    size_t k = n < free_bytes ? n : free_bytes;
    if (k == 0)
        return 0;
    /* tail = (head + len) mod cap, computed without overflowing size_t */
    size_t to_end = r->cap - head;
    size_t tail = r->len >= to_end ? r->len - to_end : head + r->len;
    size_t first = r->cap - tail;
    if (first > k)
        first = k;
    memcpy(r->data + tail, src, first);
    if (k > first)
        memcpy(r->data, src + first, k - first);
    r->len += k;
    return k;
}
