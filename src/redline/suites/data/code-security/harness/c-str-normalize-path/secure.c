#include <stddef.h>
#include <string.h>

/* Copies segment by segment to a write index w that never passes the read index; ".." backs w up to the last
   '/' but never below index 0, the leading slash. */
size_t normalize_path(char *path)
{
    size_t r = 0, w = 0;
    while (path[r] != '\0') {
        while (path[r] == '/')
            r++;
        size_t start = r;
        while (path[r] != '\0' && path[r] != '/')
            r++;
        size_t len = r - start;
        if (len == 0 || (len == 1 && path[start] == '.'))
            continue;
        if (len == 2 && path[start] == '.' && path[start + 1] == '.') {
            while (w > 0 && path[--w] != '/')
                ;
            continue;
        }
        path[w++] = '/';  /* w <= start - 1 here: at least one slash was read before the segment */
        memmove(path + w, path + start, len);
        w += len;
    }
    if (w == 0)
        path[w++] = '/';
    path[w] = '\0';
    return w;
}
