#include <stdint.h>
#include <stdlib.h>

unsigned char *alloc_image(uint32_t width, uint32_t height, uint32_t channels)
{
    return malloc(width * height * channels);
}

void *grow(void *p, size_t count, size_t size)
{
    return realloc(p, count * size);
}
