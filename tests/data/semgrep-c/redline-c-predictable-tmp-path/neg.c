#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int write_cache(const char *user, const char *data)
{
    char path[256];
    snprintf(path, sizeof path, "/tmp/appcache-%s.dat", user);
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0600);
    if (fd < 0)
        return -1;
    dprintf(fd, "%s", data);
    return close(fd);
}
