#include <stddef.h>
#include <string.h>

int parse_tlv(const unsigned char *buf, size_t len, unsigned char *value, size_t value_cap, size_t *value_len)
{
    if (buf == NULL || len < 3)
        return -1;
    size_t n = ((size_t)buf[1] << 8) | buf[2];
    if (n > len - 3 || n > value_cap)
        return -1;
    memcpy(value, buf + 3, n);
    *value_len = n;
    return buf[0];
}
