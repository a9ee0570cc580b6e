#include <stdlib.h>
#include <string.h>

struct bmp_info {
    int width;
    int height;
    int bpp;
};

unsigned char *bitmap_alloc(const struct bmp_info *bi)
{
    int row_bytes;
    unsigned char *pixels;

    if (bi->width <= 0 || bi->height <= 0)
        return NULL;
    if (bi->bpp != 8 && bi->bpp != 24 && bi->bpp != 32)
        return NULL;
    row_bytes = (bi->width * bi->bpp + 31) / 32 * 4;
    pixels = malloc(row_bytes * bi->height);
    if (pixels == NULL)
        return NULL;
    memset(pixels, 0, (size_t)row_bytes * bi->height);
    return pixels;
}
