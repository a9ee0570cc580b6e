#include <stddef.h>

static int nibble(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

long hex_decode(const char *hex, size_t hex_len, unsigned char *out, size_t out_cap)
{
    if (hex_len % 2 != 0 || hex_len / 2 > out_cap)
        return -1;
    for (size_t i = 0; i < hex_len; i += 2) {
        int hi = nibble(hex[i]);
        int lo = nibble(hex[i + 1]);
        if (hi < 0 || lo < 0)
            return -1;
        out[i / 2] = (unsigned char)(hi << 4 | lo);
    }
    return (long)(hex_len / 2);
}
