#include <stdint.h>
#include <stdlib.h>

unsigned char *alloc_image(uint32_t width, uint32_t height, uint32_t channels)
{
    if (width == 0 || height == 0 || channels == 0)
        return NULL;
    if ((size_t)width > SIZE_MAX / height / channels)
        return NULL;
    return calloc((size_t)width * height, channels);
}

int *ints(size_t n)
{
    return malloc(n * sizeof(int));
}
