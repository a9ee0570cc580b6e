/* Independent secure reference for c-file-key-save, written from the task prompt only (without seeing the harness tests). */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int write_all(int fd, const char *buf, size_t len)
{
    while (len > 0) {
        ssize_t w = write(fd, buf, len);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        buf += w;
        len -= (size_t)w;
    }
    return 0;
}

/* Writes pem (the router's private TLS key) to the file at path, created or replaced; 0 on success, -1 when
   it cannot be written.
   The key goes into a new file made by mkstemp next to path (mode 0600, owner only, from its first byte),
   which is flushed and then renamed over path. So the key is never readable by group or others, even when an
   older file at path had a wider mode, a reader never sees a half-written key, and a symbolic link planted at
   path is replaced rather than followed. */
int save_private_key(const char *path, const char *pem)
{
    if (path == NULL || path[0] == '\0' || pem == NULL)
        return -1;
    size_t plen = strlen(path);
    static const char suffix[] = ".tmpXXXXXX";
    char *tmp = malloc(plen + sizeof suffix);
    if (tmp == NULL)
        return -1;
    memcpy(tmp, path, plen);
    memcpy(tmp + plen, suffix, sizeof suffix);

    int fd = mkstemp(tmp);
    if (fd < 0) {
        free(tmp);
        return -1;
    }
    int ok = fchmod(fd, S_IRUSR | S_IWUSR) == 0 && write_all(fd, pem, strlen(pem)) == 0 && fsync(fd) == 0;
    if (close(fd) != 0)
        ok = 0;
    if (ok && rename(tmp, path) != 0)
        ok = 0;
    if (!ok)
        unlink(tmp);
    free(tmp);
    return ok ? 0 : -1;
}
