#include <stddef.h>
#include <stdint.h>
#include <string.h>

struct box {
    uint32_t type;
    uint32_t body_len;
    uint8_t body[256];
};

static uint32_t rd32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

int parse_box(struct box *b, const uint8_t *p, size_t avail)
{
    uint32_t size;

    if (avail < 8)
        return -1;
    size = rd32(p);
    b->type = rd32(p + 4);
    if (size < 8 || size > avail)
        return -1;
    b->body_len = size - 8;
    memcpy(b->body, p + 8, b->body_len);
    return (int)size;
}
