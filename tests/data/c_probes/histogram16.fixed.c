#include <stddef.h>
#include <stdint.h>
#include <string.h>

struct histogram {
    uint32_t bins[256];
    uint32_t clipped;
};

void histogram_add(struct histogram *h, const uint16_t *samples, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        uint16_t v = samples[i];

        if (v >= 256) {
            h->clipped++;
            continue;
        }
        h->bins[v]++;
    }
}
