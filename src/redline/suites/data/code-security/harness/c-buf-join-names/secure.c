#include <stdio.h>
#include <string.h>

/* Checks each whole piece (separator + name + the terminator) against the room left before copying it. */
size_t join_names(char *out, size_t out_size, const char *const names[], size_t count)
{
    size_t used = 0, written = 0;
    out[0] = '\0';
    for (size_t i = 0; i < count; i++) {
        const char *sep = i > 0 ? ", " : "";
        size_t seplen = strlen(sep), len = strlen(names[i]);
        if (seplen + len >= out_size - used)
            break;
        memcpy(out + used, sep, seplen);
        memcpy(out + used + seplen, names[i], len);
        used += seplen + len;
        out[used] = '\0';
        written++;
    }
    return written;
}
