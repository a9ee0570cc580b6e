#include <stdlib.h>
#include <string.h>

struct decoder {
    unsigned char *window;
    size_t window_size;
    size_t pos;
};

struct decoder *decoder_new(size_t window_size)
{
    struct decoder *d;

    if (window_size == 0 || window_size > (1u << 20))
        return NULL;
    d = malloc(sizeof(*d));
    if (d == NULL)
        return NULL;
    d->window = calloc(window_size, 1);
    if (d->window == NULL) {
        free(d);
        return NULL;
    }
    d->window_size = window_size;
    d->pos = 0;
    return d;
}
