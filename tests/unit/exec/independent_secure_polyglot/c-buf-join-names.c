/* Independent secure reference for c-buf-join-names, written from the task prompt only (without seeing the harness tests). */
#include <stdio.h>
#include <string.h>

/* Writes names[0..count-1] joined by ", " into out (out_size >= 1 bytes), NUL-terminated, only whole names
   (stops before the first that does not fit); returns how many names were written.
   Before each copy the room left is compared with separator + name + NUL, written so no sum can wrap. */
size_t join_names(char *out, size_t out_size, const char *const names[], size_t count)
{
    if (out == NULL || out_size == 0)
        return 0;
    out[0] = '\0';
    if (names == NULL)
        return 0;
    size_t used = 0; /* bytes before the NUL; always used < out_size */
    size_t written = 0;
    for (size_t i = 0; i < count; i++) {
        const char *name = names[i];
        if (name == NULL)
            break;
        size_t sep = written > 0 ? 2 : 0;
        size_t len = strlen(name);
        size_t room = out_size - used; /* >= 1: includes the byte for the NUL */
        if (room <= sep || len > room - sep - 1)
            break;
        if (sep != 0) {
            memcpy(out + used, ", ", 2);
            used += 2;
        }
        memcpy(out + used, name, len);
        used += len;
        out[used] = '\0';
        written++;
    }
    return written;
}
