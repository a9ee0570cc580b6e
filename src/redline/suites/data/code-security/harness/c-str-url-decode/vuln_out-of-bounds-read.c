#include <ctype.h>
#include <stddef.h>
#include <stdlib.h>

size_t url_decode(const char *in, char *out, size_t out_size)
{
    size_t o = 0;
    size_t i = 0;
    while (in[i] != '\0' && o + 1 < out_size) {
        if (in[i] == '%') {
            /* a '%' always starts two hex digits */
            char hex[3] = {in[i + 1], in[i + 2], '\0'};
            out[o++] = (char)strtol(hex, NULL, 16);
            i += 3;
        } else {
            out[o++] = in[i] == '+' ? ' ' : in[i];
            i++;
        }
    }
    out[o] = '\0';
    return o;
}
