/* Independent secure reference for c-str-hex-decode, written from the task prompt only (without seeing the harness tests). */
#include <ctype.h>
#include <limits.h>
#include <stddef.h>

static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Decodes hex_len hex digits (not NUL-terminated, from a packet) into out (capacity out_cap); returns the
   number of bytes written, or -1 for an odd length, a non-hex character or a result over out_cap bytes.
   Only hex[0..hex_len) is read (never up to a NUL), and every check runs before the first byte is written. */
long hex_decode(const char *hex, size_t hex_len, unsigned char *out, size_t out_cap)
{
    if (hex_len % 2 != 0)
        return -1;
    size_t n = hex_len / 2;
    if (n > out_cap || n > (size_t)LONG_MAX)
        return -1;
    if (n == 0)
        return 0;
    if (hex == NULL || out == NULL)
        return -1;
    for (size_t i = 0; i < hex_len; i++) {
        if (hex_value(hex[i]) < 0)
            return -1;
    }
    for (size_t i = 0; i < n; i++)
        out[i] = (unsigned char)((hex_value(hex[2 * i]) << 4) | hex_value(hex[2 * i + 1]));
    return (long)n;
}
