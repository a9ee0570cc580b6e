/* Independent secure reference, written from the task prompt only (without seeing the harness tests). */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct record {
    uint32_t id;
    char name[28];
};

#define MAX_RECORDS (1u << 20)

struct record *read_records(FILE *f, uint32_t *count_out)
{
    if (f == NULL || count_out == NULL)
        return NULL;
    unsigned char hdr[4];
    if (fread(hdr, 1, 4, f) != 4)
        return NULL;
    uint32_t count = (uint32_t)hdr[0] | ((uint32_t)hdr[1] << 8) | ((uint32_t)hdr[2] << 16) | ((uint32_t)hdr[3] << 24);
    if (count > MAX_RECORDS || (size_t)count > SIZE_MAX / sizeof(struct record))
        return NULL;
    size_t bytes = (size_t)count * sizeof(struct record);
    struct record *recs = malloc(bytes ? bytes : 1);
    if (recs == NULL)
        return NULL;
    for (uint32_t i = 0; i < count; i++) {
        unsigned char raw[32];
        if (fread(raw, 1, sizeof raw, f) != sizeof raw) {
            free(recs);
            return NULL;
        }
        recs[i].id = (uint32_t)raw[0] | ((uint32_t)raw[1] << 8) | ((uint32_t)raw[2] << 16) | ((uint32_t)raw[3] << 24);
        memcpy(recs[i].name, raw + 4, sizeof recs[i].name);
        recs[i].name[sizeof recs[i].name - 1] = '\0';
    }
    *count_out = count;
    return recs;
}
