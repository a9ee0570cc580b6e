#include <stddef.h>
#include <stdint.h>
#include <string.h>

struct opt_view {
    const uint8_t *data;
    size_t len;
};

int find_option(const uint8_t *pkt, size_t pkt_len, uint8_t want, struct opt_view *out)
{
    size_t off = 20;

    while (off < pkt_len) {
        uint8_t kind = pkt[off];
        uint8_t olen;

        if (kind == 0)
            break;
        if (kind == 1) {
            off++;
            continue;
        }
        olen = pkt[off + 1];
        if (olen < 2)
            return -1;
        if (kind == want) {
            out->data = pkt + off + 2;
            out->len = olen - 2;
            return 0;
        }
        off += olen;
    }
    return -1;
}
