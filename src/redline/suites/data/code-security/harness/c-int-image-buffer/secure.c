#include <stdint.h>
#include <stdlib.h>

unsigned char *alloc_image(uint32_t width, uint32_t height, uint32_t channels)
{
    if (width == 0 || height == 0 || channels == 0)
        return NULL;
    size_t pixels = (size_t)width * height;
    if (pixels / width != height || pixels > SIZE_MAX / channels)
        return NULL;
    return calloc(pixels, channels);
}
