#include <stdint.h>
#include <string.h>

#define REC_MAX 512

struct record {
    uint8_t body[REC_MAX];
    int body_len;
};

static int get_i16(const uint8_t *p)
{
    return (int16_t)(p[0] << 8 | p[1]);
}

int record_decode(struct record *rec, const uint8_t *in, size_t in_len)
{
    int len;

    if (in_len < 2)
        return -1;
    len = get_i16(in);
    if (len > REC_MAX || len + 2 > (int)in_len)
        return -1;
    memcpy(rec->body, in + 2, len);
    rec->body_len = len;
    return len + 2;
}
