#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Created owner-only whatever the umask; an existing file is narrowed to owner-only too before writing. */
int save_private_key(const char *path, const char *pem)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0)
        return -1;
    if (fchmod(fd, 0600) != 0) {
        close(fd);
        return -1;
    }
    size_t len = strlen(pem), done = 0;
    while (done < len) {
        ssize_t n = write(fd, pem + done, len - done);
        if (n <= 0) {
            close(fd);
            return -1;
        }
        done += (size_t)n;
    }
    return close(fd) == 0 ? 0 : -1;
}
