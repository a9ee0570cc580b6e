/* Independent secure reference for c-file-map-url-path, written from the task prompt only (without seeing the harness tests). */
#define _XOPEN_SOURCE 700 /* realpath (XSI) as well as POSIX.1-2008 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* 1 when no '/'-separated segment of path is "..", so the path cannot climb out of root by its text. */
static int no_dotdot_segment(const char *path)
{
    const char *p = path;
    while (*p != '\0') {
        while (*p == '/')
            p++;
        const char *end = strchr(p, '/');
        size_t len = end != NULL ? (size_t)(end - p) : strlen(p);
        if (len == 2 && p[0] == '.' && p[1] == '.')
            return 0;
        p += len;
    }
    return 1;
}

/* 1 when real (a resolved path) is root_real itself or lies below it: the prefix must end at a '/', so
   "/srv/www-private" is not taken to be inside "/srv/www". */
static int is_under(const char *real, const char *root_real)
{
    size_t rl = strlen(root_real);
    if (rl == 1 && root_real[0] == '/')
        return real[0] == '/';
    return strncmp(real, root_real, rl) == 0 && (real[rl] == '\0' || real[rl] == '/');
}

/* out = the file system path for url_path ("/docs/guide.html") under root (no trailing slash), NUL-terminated;
   0 on success, -1 when it cannot be served or does not fit in out_size.
   The path is refused when a segment is "..", and, when the file exists, when its resolved location (after
   symbolic links) is outside the resolved root. out is only written when the whole path fits. */
int map_url_path(const char *root, const char *url_path, char *out, size_t out_size)
{
    if (root == NULL || url_path == NULL || out == NULL || out_size == 0)
        return -1;
    if (root[0] != '/' || url_path[0] != '/')
        return -1;
    for (const char *p = url_path; *p != '\0'; p++) {
        if ((unsigned char)*p < 0x20 || *p == 0x7f || *p == '\\')
            return -1;
    }
    if (!no_dotdot_segment(url_path))
        return -1;

    size_t rl = strlen(root);
    size_t ul = strlen(url_path);
    if (rl >= out_size || ul >= out_size - rl) /* needs rl + ul + 1 <= out_size */
        return -1;

    char *candidate = malloc(rl + ul + 1);
    if (candidate == NULL)
        return -1;
    memcpy(candidate, root, rl);
    memcpy(candidate + rl, url_path, ul + 1);

    struct stat st;
    if (lstat(candidate, &st) == 0) {
        char *real = realpath(candidate, NULL);
        char *root_real = realpath(root, NULL);
        int ok = real != NULL && root_real != NULL && is_under(real, root_real);
        free(real);
        free(root_real);
        if (!ok) {
            free(candidate);
            return -1;
        }
    }
    memcpy(out, candidate, rl + ul + 1);
    free(candidate);
    return 0;
}
