#include <stdint.h>
#include <stdlib.h>
#include <string.h>

unsigned char *alloc_image(uint32_t width, uint32_t height, uint32_t channels)
{
    uint32_t size = width * height * channels;
    unsigned char *p = malloc(size);
    if (p != NULL)
        memset(p, 0, size);
    return p;
}
