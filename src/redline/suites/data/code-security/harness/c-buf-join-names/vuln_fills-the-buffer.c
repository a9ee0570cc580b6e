#include <stdio.h>
#include <string.h>

size_t join_names(char *out, size_t out_size, const char *const names[], size_t count)
{
    size_t pos = 0, k;
    out[0] = '\0';
    for (k = 0; k < count; k++) {
        const char *sep = k ? ", " : "";
        size_t need = strlen(sep) + strlen(names[k]);
        if (pos + need > out_size)
            break;
        pos += (size_t)sprintf(out + pos, "%s%s", sep, names[k]);
    }
    return k;
}
