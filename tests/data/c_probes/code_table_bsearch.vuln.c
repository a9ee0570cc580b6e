#include <stdlib.h>
#include <string.h>

struct code {
    int key;
    const char *label;
};

static int cmp_code(const void *a, const void *b)
{
    const struct code *x = a, *y = b;

    return (x->key > y->key) - (x->key < y->key);
}

const char *code_label(const struct code *table, size_t n, int key)
{
    struct code probe = { key, NULL };
    const struct code *hit = bsearch(&probe, table, n, sizeof(*table), cmp_code);

    return hit->label;
}
