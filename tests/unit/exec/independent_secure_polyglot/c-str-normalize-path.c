/* Independent secure reference for c-str-normalize-path, written from the task prompt only (without seeing the harness tests). */
#include <stddef.h>
#include <string.h>

/* Rewrites path ("/a/./b/../c", starts with '/') in place: one slash between segments, no "." segments,
   ".." removes the segment before it (dropped at the top), no trailing slash except "/"; returns the new
   length.
   The output is built as "/seg" pieces at w, which never passes the read index r (each piece is copied from
   at or after its own '/'), so the rewrite stays inside the string; ".." pops back to the previous '/' and
   never goes below index 0. A path that does not start with '/' is outside the contract and is emptied
   (returns 0) rather than guessed at, since its normal form "/..." could be longer than the buffer. */
size_t normalize_path(char *path)
{
    if (path == NULL)
        return 0;
    if (path[0] != '/') {
        path[0] = '\0';
        return 0;
    }
    size_t r = 0; /* read index: always at a '/' or the end when a segment starts */
    size_t w = 0; /* write index: output is path[0..w) */
    while (path[r] != '\0') {
        while (path[r] == '/')
            r++;
        size_t start = r;
        while (path[r] != '\0' && path[r] != '/')
            r++;
        size_t len = r - start;
        if (len == 0)
            break;
        if (len == 1 && path[start] == '.')
            continue;
        if (len == 2 && path[start] == '.' && path[start + 1] == '.') {
            while (w > 0 && path[w - 1] != '/')
                w--;
            if (w > 0)
                w--; /* the '/' that began the popped segment */
            continue;
        }
        path[w++] = '/';
        memmove(path + w, path + start, len);
        w += len;
    }
    if (w == 0)
        path[w++] = '/';
    path[w] = '\0';
    return w;
}
