#include <limits.h>
#include <stdlib.h>

struct vec {
    long *items;
    unsigned int len;
    unsigned int cap;
};

int vec_push(struct vec *v, long item)
{
    if (v->len == v->cap) {
        if (v->cap > UINT_MAX / 2 / sizeof(long))
            return -1;
        unsigned int new_cap = v->cap ? v->cap * 2 : 16;
        long *grown = realloc(v->items, new_cap * sizeof(long));

        if (grown == NULL)
            return -1;
        v->items = grown;
        v->cap = new_cap;
    }
    v->items[v->len++] = item;
    return 0;
}
