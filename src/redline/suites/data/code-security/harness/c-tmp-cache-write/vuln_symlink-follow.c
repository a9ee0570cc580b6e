#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int write_cache(const char *user, const char *data)
{
    char path[256];
    snprintf(path, sizeof path, "/tmp/appcache-%s.dat", user);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0)
        return -1;
    ssize_t w = write(fd, data, strlen(data));
    close(fd);
    return w == (ssize_t)strlen(data) ? 0 : -1;
}
