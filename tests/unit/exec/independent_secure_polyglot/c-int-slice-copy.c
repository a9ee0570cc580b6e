/* Independent secure reference, written from the task prompt only (without seeing the harness tests). */
#define _POSIX_C_SOURCE 200809L
#include <limits.h>
#include <stddef.h>
#include <string.h>

int copy_range(const char *src, size_t src_len, int offset, int count, char *dst, size_t dst_size)
{
    if (src == NULL || dst == NULL || offset < 0 || count < 0)
        return -1;
    size_t off = (size_t)offset;
    size_t cnt = (size_t)count;
    if (off > src_len || cnt > src_len - off || cnt > dst_size)
        return -1;
    if (cnt > 0)
        memcpy(dst, src + off, cnt);
    return count;
}
