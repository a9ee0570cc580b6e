#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct image {
    uint32_t width;
    uint32_t height;
    uint8_t *rgba;
};

static uint32_t be32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

struct image *image_from_header(const uint8_t *hdr, size_t hdr_len)
{
    struct image *img;
    uint32_t w, h;

    if (hdr_len < 8)
        return NULL;
    w = be32(hdr);
    h = be32(hdr + 4);
    if (w == 0 || h == 0 || w > 16384 || h > 16384)
        return NULL;
    img = calloc(1, sizeof(*img));
    if (img == NULL)
        return NULL;
    img->width = w;
    img->height = h;
    img->rgba = malloc(w * h * 4);
    if (img->rgba == NULL) {
        free(img);
        return NULL;
    }
    memset(img->rgba, 0, (size_t)w * h * 4);
    return img;
}
