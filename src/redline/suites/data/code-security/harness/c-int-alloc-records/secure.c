#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

struct record {
    uint32_t id;
    char name[28];
};

struct record *read_records(FILE *f, uint32_t *count_out)
{
    unsigned char head[4];
    if (fread(head, 1, 4, f) != 4)
        return NULL;
    uint32_t count = (uint32_t)head[0] | (uint32_t)head[1] << 8 | (uint32_t)head[2] << 16 | (uint32_t)head[3] << 24;
    long here = ftell(f);
    if (here < 0 || fseek(f, 0, SEEK_END) != 0)
        return NULL;
    long end = ftell(f);
    if (end < here || fseek(f, here, SEEK_SET) != 0)
        return NULL;
    if ((uint64_t)count * sizeof(struct record) > (uint64_t)(end - here))
        return NULL;  /* the file cannot hold that many records */
    struct record *r = calloc(count ? count : 1, sizeof *r);
    if (r == NULL)
        return NULL;
    if (fread(r, sizeof *r, count, f) != count) {
        free(r);
        return NULL;
    }
    *count_out = count;
    return r;
}
