/* Independent secure reference, written from the task prompt only (without seeing the harness tests). */
#define _POSIX_C_SOURCE 200809L
#include <stddef.h>
#include <string.h>

int join_path(char *out, size_t out_size, const char *dir, const char *file)
{
    if (out == NULL || out_size == 0 || dir == NULL || file == NULL)
        return -1;
    size_t dlen = strlen(dir);
    size_t flen = strlen(file);
    int need_slash = !(dlen > 0 && dir[dlen - 1] == '/');
    /* dlen + slash + flen + NUL must fit; compare without overflowing. */
    size_t slash = need_slash ? 1u : 0u;
    if (dlen >= out_size || flen >= out_size - dlen || slash >= out_size - dlen - flen)
        return -1;
    memcpy(out, dir, dlen);
    if (need_slash)
        out[dlen] = '/';
    memcpy(out + dlen + slash, file, flen);
    out[dlen + slash + flen] = '\0';
    return 0;
}
