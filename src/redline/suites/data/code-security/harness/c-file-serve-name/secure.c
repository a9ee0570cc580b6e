#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

long send_file(const char *base_dir, const char *name, int out_fd)
{
    if (name[0] == '\0' || strchr(name, '/') != NULL || strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
        return -1;
    char path[4096];
    int len = snprintf(path, sizeof path, "%s/%s", base_dir, name);
    if (len < 0 || (size_t)len >= sizeof path)
        return -1;
    int fd = open(path, O_RDONLY | O_NOFOLLOW);
    if (fd < 0)
        return -1;
    char buf[8192];
    long total = 0;
    ssize_t n;
    while ((n = read(fd, buf, sizeof buf)) > 0) {
        if (write(out_fd, buf, (size_t)n) != n) {
            close(fd);
            return -1;
        }
        total += n;
    }
    close(fd);
    return n < 0 ? -1 : total;
}
