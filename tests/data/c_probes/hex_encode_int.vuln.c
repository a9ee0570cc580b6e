#include <limits.h>
#include <stdlib.h>

char *hex_encode(const unsigned char *data, int len)
{
    static const char digits[] = "0123456789abcdef";
    char *out;
    int i;

    if (data == NULL || len < 0)
        return NULL;
    out = malloc(len * 2 + 1);
    if (out == NULL)
        return NULL;
    for (i = 0; i < len; i++) {
        out[2 * i] = digits[data[i] >> 4];
        out[2 * i + 1] = digits[data[i] & 15];
    }
    out[2 * len] = '\0';
    return out;
}
