#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static void *xmalloc(size_t n)
{
    void *p = malloc(n);

    if (p == NULL) {
        fprintf(stderr, "out of memory\n");
        exit(1);
    }
    return p;
}

uint32_t *read_strip_offsets(const uint8_t *ifd, uint32_t nstrips)
{
    uint32_t *offsets;
    uint32_t i;

    if (nstrips == 0)
        return NULL;
    offsets = xmalloc(nstrips * sizeof(uint32_t));
    for (i = 0; i < nstrips; i++)
        offsets[i] = (uint32_t)ifd[4 * i] | (uint32_t)ifd[4 * i + 1] << 8 |
                     (uint32_t)ifd[4 * i + 2] << 16 | (uint32_t)ifd[4 * i + 3] << 24;
    return offsets;
}
