#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define TLV_MAX_TYPES 32

struct tlv_table {
    const uint8_t *value[TLV_MAX_TYPES];
    uint16_t length[TLV_MAX_TYPES];
    unsigned seen;
};

int tlv_parse(struct tlv_table *tab, const uint8_t *buf, size_t len)
{
    size_t pos = 0;

    memset(tab, 0, sizeof(*tab));
    while (pos + 3 <= len) {
        uint8_t type = buf[pos];
        uint16_t vlen = (uint16_t)(buf[pos + 1] << 8 | buf[pos + 2]);

        pos += 3;
        if (vlen > len - pos)
            return -1;
        tab->value[type] = buf + pos;
        tab->length[type] = vlen;
        tab->seen++;
        pos += vlen;
    }
    return pos == len ? 0 : -1;
}
