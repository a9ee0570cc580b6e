#include <stddef.h>
#include <stdint.h>

struct rgb {
    uint8_t r, g, b;
};

int expand_indexed(uint8_t *out, const uint8_t *pixels, size_t npixels,
                   const struct rgb *palette, size_t ncolors)
{
    size_t i;

    if (palette == NULL || ncolors == 0)
        return -1;
    for (i = 0; i < npixels; i++) {
        uint8_t idx = pixels[i];
        const struct rgb *c;

        if (idx >= ncolors)
            return -1;
        c = &palette[idx];

        out[3 * i] = c->r;
        out[3 * i + 1] = c->g;
        out[3 * i + 2] = c->b;
    }
    return 0;
}
