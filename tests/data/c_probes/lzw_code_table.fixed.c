#include <stdint.h>

#define LZW_TABLE 4096

struct lzw {
    uint16_t prefix[LZW_TABLE];
    uint8_t suffix[LZW_TABLE];
    int next_code;
};

int lzw_add(struct lzw *z, uint16_t prev, uint8_t first)
{
    if (z->next_code >= LZW_TABLE)
        return -1;
    z->prefix[z->next_code] = prev;
    z->suffix[z->next_code] = first;
    z->next_code++;
    return 0;
}
