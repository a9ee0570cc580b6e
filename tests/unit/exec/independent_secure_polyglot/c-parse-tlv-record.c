/* Independent secure reference, written from the task prompt only (without seeing the harness tests). */
#define _POSIX_C_SOURCE 200809L
#include <stddef.h>
#include <string.h>

int parse_tlv(const unsigned char *buf, size_t len, unsigned char *value, size_t value_cap, size_t *value_len)
{
    if (buf == NULL || value_len == NULL || len < 3)
        return -1;
    size_t vlen = ((size_t)buf[1] << 8) | (size_t)buf[2];
    if (vlen > len - 3 || vlen > value_cap)
        return -1;
    if (vlen > 0) {
        if (value == NULL)
            return -1;
        memcpy(value, buf + 3, vlen);
    }
    *value_len = vlen;
    return (int)buf[0];
}
