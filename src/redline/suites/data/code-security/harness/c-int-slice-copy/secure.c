#include <stddef.h>
#include <string.h>

int copy_range(const char *src, size_t src_len, int offset, int count, char *dst, size_t dst_size)
{
    if (offset < 0 || count < 0)
        return -1;
    size_t off = (size_t)offset;
    size_t n = (size_t)count;
    if (off > src_len || n > src_len - off || n > dst_size)
        return -1;
    memcpy(dst, src + off, n);
    return count;
}
