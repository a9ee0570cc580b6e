#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int write_cache(const char *user, const char *data)
{
    char path[256], tmp[256];
    if (user[0] == '\0' || strchr(user, '/') != NULL || strcmp(user, ".") == 0 || strcmp(user, "..") == 0)
        return -1;
    if (snprintf(path, sizeof path, "/tmp/appcache-%s.dat", user) >= (int)sizeof path
        || snprintf(tmp, sizeof tmp, "/tmp/appcache-%s.XXXXXX", user) >= (int)sizeof tmp)
        return -1;
    int fd = mkstemp(tmp);  /* a fresh name, O_EXCL, mode 0600 */
    if (fd < 0)
        return -1;
    size_t len = strlen(data), done = 0;
    while (done < len) {
        ssize_t w = write(fd, data + done, len - done);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0) {
            close(fd);
            unlink(tmp);
            return -1;
        }
        done += (size_t)w;
    }
    if (close(fd) != 0 || rename(tmp, path) != 0) {  /* rename replaces a planted symlink, never follows it */
        unlink(tmp);
        return -1;
    }
    return 0;
}
