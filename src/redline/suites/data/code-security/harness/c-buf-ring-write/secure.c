#include <stddef.h>
#include <string.h>

struct ring {
    unsigned char *data;
    size_t cap;
    size_t head;
    size_t len;
};

size_t ring_write(struct ring *r, const unsigned char *src, size_t n)
{
    size_t room = r->cap - r->len;
    if (n > room)
        n = room;
    size_t tail = (r->head + r->len) % r->cap;
    size_t first = r->cap - tail;
    if (first > n)
        first = n;
    memcpy(r->data + tail, src, first);
    memcpy(r->data, src + first, n - first);
    r->len += n;
    return n;
}
