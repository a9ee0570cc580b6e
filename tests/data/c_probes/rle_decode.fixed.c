#include <stddef.h>
#include <stdint.h>

int rle8_decode(uint8_t *out, size_t out_len, const uint8_t *in, size_t in_len)
{
    size_t pos = 0, i = 0;

    while (i + 1 < in_len) {
        uint8_t count = in[i];
        uint8_t value = in[i + 1];
        uint8_t k;

        i += 2;
        if (count == 0) {
            if (value == 0)
                break;
            continue;
        }
        if (count > out_len - pos)
            return -1;
        for (k = 0; k < count; k++)
            out[pos++] = value;
    }
    return (int)pos;
}
