/* Independent secure reference, written from the task prompt only (without seeing the harness tests). */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct buf {
    unsigned char *data;
    size_t len;
    size_t cap;
};

int buf_append(struct buf *b, const void *data, size_t n)
{
    if (b == NULL || (data == NULL && n > 0))
        return -1;
    if (n == 0)
        return 0;
    if (n > SIZE_MAX - b->len)
        return -1;
    size_t need = b->len + n;
    if (need > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        while (cap < need) {
            if (cap > SIZE_MAX / 2) {
                cap = need;
                break;
            }
            cap *= 2;
        }
        unsigned char *p = realloc(b->data, cap);
        if (p == NULL)
            return -1; /* old buffer is untouched */
        b->data = p;
        b->cap = cap;
    }
    memcpy(b->data + b->len, data, n);
    b->len = need;
    return 0;
}
