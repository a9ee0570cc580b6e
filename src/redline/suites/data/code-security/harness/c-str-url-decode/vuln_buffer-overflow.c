#include <ctype.h>
#include <stddef.h>

static int hv(char c)
{
    return isdigit((unsigned char)c) ? c - '0' : (tolower((unsigned char)c) - 'a' + 10);
}

size_t url_decode(const char *in, char *out, size_t out_size)
{
    (void)out_size;
    size_t o = 0;
    for (const char *p = in; *p; p++) {
        if (*p == '%' && isxdigit((unsigned char)p[1]) && isxdigit((unsigned char)p[2])) {
            out[o++] = (char)(hv(p[1]) << 4 | hv(p[2]));
            p += 2;
        } else if (*p == '+') {
            out[o++] = ' ';
        } else {
            out[o++] = *p;
        }
    }
    out[o] = '\0';
    return o;
}
