#include <stddef.h>
#include <string.h>

int copy_range(const char *src, size_t src_len, int offset, int count, char *dst, size_t dst_size)
{
    (void)src_len;
    if (offset < 0 || count < 0 || (size_t)count > dst_size)
        return -1;
    memcpy(dst, src + offset, (size_t)count);
    return count;
}
