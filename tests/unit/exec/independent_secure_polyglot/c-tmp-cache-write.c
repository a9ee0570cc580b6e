/* Independent secure reference, written from the task prompt only (without seeing the harness tests). */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int user_ok(const char *user)
{
    size_t len = user ? strlen(user) : 0;
    if (len == 0 || len > 64 || user[0] == '.' || user[0] == '-')
        return 0;
    for (size_t i = 0; i < len; i++) {
        char c = user[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
              c == '.'))
            return 0;
    }
    return 1;
}

int write_cache(const char *user, const char *data)
{
    if (!user_ok(user) || data == NULL)
        return -1;
    char final_path[128];
    char tmp_path[128];
    if (snprintf(final_path, sizeof final_path, "/tmp/appcache-%s.dat", user) >= (int)sizeof final_path)
        return -1;
    if (snprintf(tmp_path, sizeof tmp_path, "/tmp/appcache-%s.XXXXXX", user) >= (int)sizeof tmp_path)
        return -1;
    /* Write a private new file (mkstemp: O_EXCL, 0600) and rename it over the old one: rename replaces
       a planted symlink instead of following it, and readers never see a half-written cache. */
    mode_t old = umask(077);
    int fd = mkstemp(tmp_path);
    umask(old);
    if (fd < 0)
        return -1;
    size_t len = strlen(data);
    size_t off = 0;
    while (off < len) {
        ssize_t w = write(fd, data + off, len - off);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            close(fd);
            unlink(tmp_path);
            return -1;
        }
        off += (size_t)w;
    }
    if (fsync(fd) != 0 || close(fd) != 0) {
        unlink(tmp_path);
        return -1;
    }
    if (rename(tmp_path, final_path) != 0) {
        unlink(tmp_path);
        return -1;
    }
    return 0;
}
