#include <stddef.h>
#include <string.h>

int copy_range(const char *src, size_t src_len, int offset, int count, char *dst, size_t dst_size)
{
    if (offset + count > (int)src_len || count > (int)dst_size)
        return -1;
    for (int i = 0; i < count; i++)
        dst[i] = src[offset + i];
    return count;
}
