/* Independent secure reference, written from the task prompt only (without seeing the harness tests). */
#define _POSIX_C_SOURCE 200809L
#include <stddef.h>

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

size_t url_decode(const char *in, char *out, size_t out_size)
{
    if (out == NULL || out_size == 0)
        return 0;
    size_t o = 0;
    if (in == NULL) {
        out[0] = '\0';
        return 0;
    }
    for (size_t i = 0; in[i] != '\0' && o + 1 < out_size; ) {
        char c = in[i];
        if (c == '%' && in[i + 1] != '\0' && in[i + 2] != '\0') {
            int hi = hexval(in[i + 1]);
            int lo = hexval(in[i + 2]);
            if (hi >= 0 && lo >= 0) {
                out[o++] = (char)((hi << 4) | lo);
                i += 3;
                continue;
            }
        }
        out[o++] = (c == '+') ? ' ' : c;
        i++;
    }
    out[o] = '\0';
    return o;
}
