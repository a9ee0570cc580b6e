#include <stddef.h>

static int nibble(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = (char)(c | 0x20);
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

long hex_decode(const char *hex, size_t hex_len, unsigned char *out, size_t out_cap)
{
    size_t n = (hex_len + 1) / 2;
    if (n > out_cap)
        return -1;
    for (size_t i = 0; i < n; i++) {
        int hi = nibble(hex[2 * i]);
        int lo = nibble(hex[2 * i + 1]);
        if (hi < 0 || lo < 0)
            return -1;
        out[i] = (unsigned char)(hi << 4 | lo);
    }
    return (long)n;
}
