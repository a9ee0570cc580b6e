#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

struct record {
    uint32_t id;
    char name[28];
};

struct record *read_records(FILE *f, uint32_t *count_out)
{
    uint32_t count;
    if (fread(&count, sizeof count, 1, f) != 1)
        return NULL;
    uint32_t bytes = count * (uint32_t)sizeof(struct record);
    struct record *r = malloc(bytes ? bytes : 1);
    if (!r)
        return NULL;
    if (fread(r, sizeof(struct record), count, f) != count) {
        free(r);
        return NULL;
    }
    *count_out = count;
    return r;
}
