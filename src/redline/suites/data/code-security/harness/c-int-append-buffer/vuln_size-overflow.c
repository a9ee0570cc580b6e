#include <stdlib.h>
#include <string.h>

struct buf {
    unsigned char *data;
    size_t len;
    size_t cap;
};

int buf_append(struct buf *b, const void *data, size_t n)
{
    if (b->len + n > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 16;
        while (cap < b->len + n)
            cap *= 2;
        unsigned char *p = realloc(b->data, cap);
        if (!p)
            return -1;
        b->data = p;
        b->cap = cap;
    }
    memcpy(b->data + b->len, data, n);
    b->len += n;
    return 0;
}
