/* Independent secure reference, written from the task prompt only (without seeing the harness tests). */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdlib.h>

#define MAX_IMAGE_BYTES ((size_t)1 << 30)

unsigned char *alloc_image(uint32_t width, uint32_t height, uint32_t channels)
{
    if (width == 0 || height == 0 || channels == 0)
        return NULL;
    uint64_t wh = (uint64_t)width * (uint64_t)height; /* cannot overflow 64 bits */
    if (wh > UINT64_MAX / channels)
        return NULL;
    uint64_t total = wh * channels;
    if (total > MAX_IMAGE_BYTES || total > SIZE_MAX)
        return NULL;
    return calloc((size_t)total, 1);
}
