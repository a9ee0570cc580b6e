#include <ctype.h>
#include <stddef.h>
#include <stdio.h>

long hex_decode(const char *hex, size_t hex_len, unsigned char *out, size_t out_cap)
{
    (void)out_cap;  /* callers size out for the packet */
    if (hex_len & 1)
        return -1;
    long n = 0;
    for (size_t i = 0; i + 1 < hex_len; i += 2) {
        if (!isxdigit((unsigned char)hex[i]) || !isxdigit((unsigned char)hex[i + 1]))
            return -1;
        char pair[3] = {hex[i], hex[i + 1], '\0'};
        unsigned int v;
        sscanf(pair, "%2x", &v);
        out[n++] = (unsigned char)v;
    }
    return n;
}
