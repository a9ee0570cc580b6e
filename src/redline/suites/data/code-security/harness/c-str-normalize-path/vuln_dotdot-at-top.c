#include <stddef.h>
#include <string.h>

size_t normalize_path(char *path)
{
    char *src = path, *dst = path;
    while (*src != '\0') {
        if (*src == '/') {
            src++;
            continue;
        }
        char *seg = src;
        while (*src != '\0' && *src != '/')
            src++;
        size_t len = (size_t)(src - seg);
        if (len == 1 && seg[0] == '.')
            continue;
        if (len == 2 && seg[0] == '.' && seg[1] == '.') {
            /* back to the slash before the last segment */
            do
                dst--;
            while (*dst != '/');
            continue;
        }
        *dst++ = '/';
        memmove(dst, seg, len);
        dst += len;
    }
    if (dst == path)
        *dst++ = '/';
    *dst = '\0';
    return (size_t)(dst - path);
}
